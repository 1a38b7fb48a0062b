import type { FoundationModuleInput } from "../schemas";

export const commandLineBasics: FoundationModuleInput = {
  slug: "command-line-basics",
  title: "Command-line basics for analysts",
  summary: "Navigating files, reading logs with less, grep, awk, sort and uniq, and piping commands together, on Linux and in PowerShell.",
  estimated_minutes: 30,
  required: true,
  body: `## Why the command line

Most evidence you will meet is text: authentication logs, web server logs, exported SIEM results, CSVs, JSON from a cloud API. A graphical tool shows you the first thousand lines; the command line lets you search, slice and count a million lines in seconds, and your commands are a record of exactly what you did, which you can paste into your notes.

This module uses a Linux shell (bash). The same ideas exist in PowerShell on Windows; the equivalents are at the end.

## Finding your way

| command | what it does |
|---|---|
| \`pwd\` | print the directory you are in |
| \`ls -lh\` | list files with sizes and dates (\`-a\` also shows hidden files) |
| \`cd /var/log\` | change directory; \`cd ..\` goes up, \`cd -\` goes back |
| \`file evidence.bin\` | guess what a file really is, whatever its name says |
| \`wc -l auth.log\` | count lines |

Paths starting with \`/\` are absolute; others are relative to where you are. Tab completes names: type \`/var/lo\` and press Tab.

## Reading files

- \`cat file\` prints a whole file: fine for small ones.
- \`less file\` pages through a big one: \`/word\` searches forward, \`n\` finds the next, \`G\` jumps to the end, \`q\` quits.
- \`head -n 20 file\` and \`tail -n 20 file\` show the start and end; \`tail -f file\` follows a log as it grows.
- Rotated logs are often compressed (\`auth.log.2.gz\`): \`zcat\`, \`zless\` and \`zgrep\` read them without unpacking.

## Searching with grep

\`grep\` prints the lines that match a pattern:

\`\`\`
grep "Failed password" /var/log/auth.log
grep -i "failed" auth.log          # ignore case
grep -c "Failed password" auth.log # count matching lines
grep -v "CRON" auth.log            # lines that do NOT match
grep -E "Failed|Invalid" auth.log  # extended regex: either word
grep -o "from [0-9.]*" auth.log    # print only the matching part
\`\`\`

Quote your patterns, so the shell does not interpret spaces or special characters.

## Slicing with cut and awk

Log lines are fields separated by spaces, commas or tabs. \`awk\` splits each line into \`$1\`, \`$2\`, … (\`$NF\` is the last field):

\`\`\`
awk '{print $1, $2, $3}' auth.log       # the timestamp fields
awk -F, '{print $4}' alerts.csv         # 4th column of a CSV
awk '$9 == 404 {print $7}' access.log   # paths that returned 404
\`\`\`

\`cut -d, -f4 alerts.csv\` does the simple case of the second example.

## Counting with sort and uniq

The most useful pipeline in security analysis counts how often each value occurs:

\`\`\`
sort | uniq -c | sort -rn | head
\`\`\`

\`uniq -c\` only merges *adjacent* identical lines, which is why the values are sorted first; the second sort orders by count, largest first.

## Pipes and redirection

The pipe \`|\` sends one command's output into the next. \`>\` writes output to a file (replacing it), \`>>\` appends. Putting it together, the source addresses with the most failed SSH logins:

\`\`\`
grep "Failed password" auth.log \\
  | grep -oE "from [0-9]{1,3}(\\.[0-9]{1,3}){3}" \\
  | awk '{print $2}' \\
  | sort | uniq -c | sort -rn | head -5 > top-sources.txt
\`\`\`

Read it stage by stage: keep failed logins, extract "from <ip>", keep the IP, count each IP, biggest first, top five, save. When a pipeline misbehaves, run it one stage at a time.

## A worked example

A line of \`/var/log/auth.log\` looks like this:

\`\`\`
Nov  4 02:13:07 bastion sshd[2211]: Failed password for invalid user admin from 198.51.100.23 port 50122 ssh2
\`\`\`

Questions an analyst asks, and the command for each:

1. *How many failures?* \`grep -c "Failed password" auth.log\`
2. *Which user names were tried?* \`grep "Failed password" auth.log | grep -oE "for (invalid user )?[^ ]+" | awk '{print $NF}' | sort | uniq -c | sort -rn\`
3. *Did the attacker ever succeed?* \`grep "Accepted" auth.log | grep 198.51.100.23\`; an "Accepted password" from the same address after many failures is the line that turns noise into an incident.

## The same on Windows (PowerShell)

| bash | PowerShell |
|---|---|
| \`cat\`, \`less\` | \`Get-Content file\`, \`Get-Content file \\| more\` |
| \`tail -f\` | \`Get-Content file -Wait -Tail 20\` |
| \`grep pattern\` | \`Select-String -Pattern "pattern" -Path file\` |
| \`sort \\| uniq -c\` | \`Group-Object \\| Sort-Object Count -Descending\` |
| Windows event logs | \`Get-WinEvent -FilterHashtable @{LogName='Security'; Id=4625}\` |

Event 4625 is a failed logon on Windows: the same question as the SSH example, asked of a different log.

## Habits that make your work reviewable

- Work on a **copy** of the evidence, never the original.
- Record hashes of what you received: \`sha256sum auth.log\`.
- Paste the exact command with its output in your stage notes; a mentor can then follow and repeat your steps.
- Times in logs may be local or UTC; check before you compare two sources.

## Try it (10 minutes)

Create a small file and practise each command on it:

\`\`\`
printf '%s\\n' \\
 "Nov 4 02:13:07 bastion sshd[1]: Failed password for root from 198.51.100.23 port 1 ssh2" \\
 "Nov 4 02:13:09 bastion sshd[1]: Failed password for admin from 198.51.100.23 port 2 ssh2" \\
 "Nov 4 02:14:11 bastion sshd[1]: Failed password for dana from 192.0.2.10 port 3 ssh2" \\
 "Nov 4 02:15:40 bastion sshd[1]: Accepted password for admin from 198.51.100.23 port 4 ssh2" > mini-auth.log
\`\`\`

Count failures per source IP, then find whether any source that failed later succeeded.`,
  self_check: [
    {
      id: "uniq-sort",
      prompt: "Why does the counting pipeline sort before uniq -c?",
      choices: [
        { id: "speed", text: "Sorting makes uniq faster.", feedback: "Speed is not the reason: without sorting the counts are simply wrong." },
        { id: "adjacent", text: "uniq only merges adjacent identical lines, so equal values must be next to each other.", correct: true, feedback: "Correct. Unsorted input gives several partial counts for the same value." },
        { id: "format", text: "uniq cannot read unsorted files.", feedback: "It can read them; it just only compares each line with the one before." },
      ],
    },
    {
      id: "grep-v",
      prompt: "Which command shows the lines of auth.log that do NOT contain CRON?",
      choices: [
        { id: "v", text: "grep -v \"CRON\" auth.log", correct: true, feedback: "Yes: -v inverts the match." },
        { id: "c", text: "grep -c \"CRON\" auth.log", feedback: "-c counts matching lines; it prints a number, not lines." },
        { id: "i", text: "grep -i \"CRON\" auth.log", feedback: "-i ignores case: it still shows the lines that DO match." },
      ],
    },
    {
      id: "awk-field",
      prompt: "In awk '{print $NF}', what is printed?",
      choices: [
        { id: "first", text: "The first field of each line.", feedback: "That would be $1." },
        { id: "last", text: "The last field of each line.", correct: true, feedback: "Right: NF is the number of fields, so $NF is the last one." },
        { id: "count", text: "The number of fields in each line.", feedback: "That is NF without the $." },
      ],
    },
    {
      id: "gz",
      prompt: "You need to search last week's rotated log auth.log.3.gz. What is the simplest correct approach?",
      choices: [
        { id: "grep", text: "grep \"Failed\" auth.log.3.gz", feedback: "grep would search the compressed bytes and find nothing useful." },
        { id: "zgrep", text: "zgrep \"Failed\" auth.log.3.gz", correct: true, feedback: "Correct: zgrep (and zcat, zless) read gzip files directly, leaving the evidence untouched." },
        { id: "rename", text: "Rename it to auth.log.3 and grep it.", feedback: "Renaming does not decompress it, and changing evidence file names muddles your record." },
      ],
    },
    {
      id: "windows",
      prompt: "On Windows, which command lists failed logons from the Security log?",
      choices: [
        { id: "4625", text: "Get-WinEvent -FilterHashtable @{LogName='Security'; Id=4625}", correct: true, feedback: "Yes: 4625 is the failed-logon event; 4624 is a successful one." },
        { id: "select", text: "Select-String -Pattern \"failed\" C:\\Windows\\System32\\winevt\\Logs\\Security.evtx", feedback: "EVTX files are binary; text search does not work on them. Use Get-WinEvent." },
        { id: "4688", text: "Get-WinEvent -FilterHashtable @{LogName='Security'; Id=4688}", feedback: "4688 is process creation, not a logon failure." },
      ],
    },
  ],
};
