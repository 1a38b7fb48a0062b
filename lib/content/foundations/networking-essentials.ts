import type { FoundationModuleInput } from "../schemas";

export const networkingEssentials: FoundationModuleInput = {
  slug: "networking-essentials",
  title: "Networking essentials",
  summary: "IP addresses, ports, TCP and UDP, DNS and HTTP: enough to read a firewall log or a packet capture.",
  estimated_minutes: 30,
  required: true,
  body: `## Why analysts need networking

Almost every attack crosses a network: a phishing link fetched over HTTPS, a brute-force attempt on SSH, malware calling home over DNS. Firewall logs, proxy logs and packet captures only make sense when you can read who talked to whom, on which port, and whether the conversation actually happened.

## IP addresses

An IPv4 address is four numbers from 0 to 255: \`192.0.2.10\`. A **CIDR** suffix says how many leading bits name the network: \`10.20.0.0/16\` covers 10.20.0.0 to 10.20.255.255 (65,536 addresses); a /24 covers 256; a /32 is a single host.

Ranges worth knowing by heart:

| range | meaning |
|---|---|
| 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 | private (RFC 1918): internal networks, never routed on the internet |
| 127.0.0.0/8 | loopback: the machine itself |
| 169.254.0.0/16 | link-local; 169.254.169.254 is the cloud metadata service, a favourite SSRF target |
| 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24 | documentation ranges used in examples and in Sortie missions |

IPv6 addresses look like \`2001:db8::1\` (2001:db8::/32 is the documentation range). The same ideas apply: a prefix names the network.

**NAT** (network address translation) lets many private hosts share one public address. Consequence for investigations: the public IP in a web server's log may be the company's firewall, not the employee's laptop. To find the laptop, you need the firewall's NAT log for the same time and source port.

## Ports and protocols

An address finds a machine; a **port** (0–65535) finds a service on it. Servers listen on well-known ports; clients use a random high port as their side of the conversation.

| port | service | why analysts care |
|---|---|---|
| 22/tcp | SSH | brute force, lateral movement on Linux |
| 53/udp+tcp | DNS | every lookup; tunnelling and beaconing hide here |
| 80, 443/tcp | HTTP, HTTPS | most web traffic, most command and control |
| 445/tcp | SMB | Windows file sharing; ransomware spreads over it |
| 3389/tcp | RDP | remote desktop; exposed RDP is a classic initial access |
| 25, 587/tcp | SMTP | email delivery and submission |

A port number is a convention, not a guarantee: attackers run SSH on 443 precisely because it is allowed out.

## TCP and UDP

**TCP** sets up a connection before sending data, with the **three-way handshake**:

1. client → server: \`SYN\` ("I want to talk")
2. server → client: \`SYN-ACK\` ("go ahead")
3. client → server: \`ACK\` (connected)

Then data flows, and \`FIN\` or \`RST\` ends it. This is evidence: a SYN with no SYN-ACK means nothing was listening or a firewall dropped it; thousands of SYNs to different ports from one source is a port scan; a RST straight after SYN means "port closed".

**UDP** has no handshake: a packet is sent and may or may not arrive. DNS queries, NTP and many VPNs use UDP. Because there is no handshake, a UDP "connection" in a firewall log does not prove that anything answered.

## DNS

DNS turns names into addresses. When a laptop opens \`portal.northwind.test\` it asks its resolver, which asks the root, then the \`.test\` servers, then Northwind's own name server, and caches the answer for the record's **TTL**.

Records you will meet: **A** (IPv4 address), **AAAA** (IPv6), **CNAME** (an alias for another name), **MX** (mail servers of a domain), **TXT** (free text: SPF and DMARC email policies live here), **NS** (the domain's name servers), **PTR** (reverse lookup: address to name).

DNS logs are gold: they show every name a host tried to reach, even when the connection itself was encrypted. Long random-looking subdomains (\`a9f3k2...exfil.example\`) or a host asking for the same rare domain every 60 seconds are signs of tunnelling or a beacon.

## HTTP and TLS

An HTTP request has a **method** (GET, POST, …), a **path**, headers (\`Host\`, \`User-Agent\`, \`Cookie\`) and sometimes a body. The response has a **status code**: 2xx success, 3xx redirect, 4xx client error (401 not signed in, 403 forbidden, 404 not found), 5xx server error. A burst of 404s from one address is usually a scanner; a 200 on \`/admin\` after many 401s is a successful guess.

HTTPS wraps HTTP in **TLS**: the content is encrypted, but the destination address, port, timing, volume and usually the server name (SNI) remain visible. That is why proxy and DNS logs still tell a story about encrypted traffic.

## Reading a firewall log line

\`\`\`
2026-11-04T02:13:07Z fw01 DROP IN=eth0 SRC=198.51.100.23 DST=10.20.4.15 PROTO=TCP SPT=50122 DPT=3389 FLAGS=SYN
\`\`\`

Read it field by field: at 02:13:07 UTC the firewall **dropped** an inbound TCP **SYN** from 198.51.100.23 (an internet address) source port 50122 to internal host 10.20.4.15 on port **3389**: someone tried to open an RDP connection and was blocked. One line is noise; the same source hitting 3389 on fifty internal addresses in a minute is a scan worth a ticket, and an \`ACCEPT\` for the same pair would be an incident.

## Try it (10 minutes)

For each line, say what happened and whether you would look further:

\`\`\`
ACCEPT SRC=10.20.7.31 DST=203.0.113.80 PROTO=TCP SPT=51544 DPT=443
DROP   SRC=203.0.113.9 DST=10.20.4.15 PROTO=TCP SPT=40001 DPT=445 FLAGS=SYN
ACCEPT SRC=10.20.7.31 DST=198.51.100.53 PROTO=UDP SPT=53110 DPT=53   (every 60 s for 6 hours)
\`\`\`

(1) an internal host browsing an HTTPS site, normal on its own; (2) an SMB connection attempt from the internet, blocked, worth checking whether others got through; (3) an internal host using an outside DNS server on a fixed rhythm: possible beaconing, and it bypasses the company resolver. Look further.`,
  self_check: [
    {
      id: "rfc1918",
      prompt: "Which of these addresses is private (RFC 1918) and so cannot be an attacker's address as seen on the internet?",
      choices: [
        { id: "172", text: "172.20.4.9", correct: true, feedback: "Correct: 172.16.0.0/12 runs from 172.16.0.0 to 172.31.255.255." },
        { id: "8", text: "8.8.8.8", feedback: "That is a public address (a well-known public DNS resolver)." },
        { id: "198", text: "198.51.100.23", feedback: "That is a documentation range, used in examples; it is not one of the RFC 1918 private ranges." },
        { id: "169", text: "169.254.169.254", feedback: "Link-local, not RFC 1918: it is the cloud metadata address, reachable only from the instance itself." },
      ],
    },
    {
      id: "syn-only",
      prompt: "A capture shows one source sending SYN packets to ports 1–1024 of a host, with RST answers on almost all. What is it most likely?",
      choices: [
        { id: "scan", text: "A port scan: RST means the port is closed, and the few SYN-ACKs show the open ones.", correct: true, feedback: "Yes. A SYN scan never completes the handshake; it only wants to know what answers." },
        { id: "download", text: "A large file download.", feedback: "A download is one connection with lots of data, not many half-opened ones." },
        { id: "dns", text: "Normal DNS traffic.", feedback: "DNS uses port 53 (mostly UDP), not a sweep of 1,024 TCP ports." },
      ],
    },
    {
      id: "nat",
      prompt: "A web server's log shows an attack from your company's public IP. Why can't you name the employee's laptop from that log alone?",
      choices: [
        { id: "nat", text: "NAT: many internal hosts share that public address; you need the firewall's NAT log for the same time and port.", correct: true, feedback: "Correct. The translation table links public address and port back to the internal host." },
        { id: "encrypted", text: "Because HTTPS hides the source address.", feedback: "TLS encrypts the content, not the IP header. The issue is address translation." },
        { id: "spoofed", text: "Because source addresses are always spoofed.", feedback: "TCP connections need a real return path, so a completed HTTP request was not spoofed." },
      ],
    },
    {
      id: "dns-record",
      prompt: "Which DNS record type tells you which servers receive email for a domain?",
      choices: [
        { id: "mx", text: "MX", correct: true, feedback: "Yes: Mail eXchanger records name the domain's mail servers." },
        { id: "txt", text: "TXT", feedback: "TXT holds email policies (SPF, DMARC), not the mail servers themselves." },
        { id: "cname", text: "CNAME", feedback: "A CNAME is an alias from one name to another." },
      ],
    },
    {
      id: "http-status",
      prompt: "In a web log, one address gets 300 responses of 401, then a 200 on /admin. What does that suggest?",
      choices: [
        { id: "guess", text: "A password-guessing attack that succeeded.", correct: true, feedback: "Right: 401 is \"not authenticated\"; the 200 means the guesses eventually worked. Check what that session did next." },
        { id: "outage", text: "A server outage that recovered.", feedback: "Outages show as 5xx errors, not 401." },
        { id: "scanner", text: "A harmless crawler.", feedback: "Crawlers don't hammer one login page 300 times, and a 200 after the 401s is not harmless." },
      ],
    },
  ],
};
