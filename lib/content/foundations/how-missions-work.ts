import type { FoundationModuleInput } from "../schemas";

export const howMissionsWork: FoundationModuleInput = {
  slug: "how-missions-work",
  title: "How missions, decisions and reviews work",
  summary: "Stages, decision points, hints and their penalties, evidence, the reflection and how a mentor scores your work with a rubric.",
  estimated_minutes: 10,
  required: true,
  body: `## A mission is a case, not a quiz

Each Sortie mission drops you into a realistic situation: an alert at a logistics company, a web application before launch, a board that needs a decision by Friday. The **story** tells you who you are, what is at stake and what you are allowed to do (your scope). The **objectives** say what a good outcome looks like. Read both before you start: mentors score against them.

## Stages

A mission is a sequence of **stages**. Each stage has instructions, and asks for some of:

- **notes**: what you did, what you found, and why it matters (a minimum length is shown);
- **an answer**: an exact value such as an IP address, a user name or a flag, checked on the server. A wrong answer is recorded but does not stop you; you can try again;
- **evidence**: files (screenshots, exported logs, CSVs, pcaps) or links (a repository, a notebook). The stage says which kinds it accepts and whether they are required.

Time on a stage is measured only while the tab is visible, so stepping away does not count against you. Some missions have a **deadline**: a countdown stays at the top of the page with the exact time in your time zone, and warns you when 25% and 10% of the time remain. Past the deadline, the attempt is submitted automatically or marked expired, depending on the mission.

## Decisions change your path

After some stages you reach a **decision point**: two to four choices, such as "isolate the host now" or "keep watching to learn more". Each choice has a **consequence** you read straight away, and sends you down a different branch of stages. Some choices carry a score adjustment (up to ±20 points), because in real work some decisions are better than others. A decision is final for the attempt, so read the evidence before you choose. After review you can see the expert's choice and their reasoning.

## Hints cost points; recipes do not

Stuck? Each stage may have **hints** in levels: level 1 nudges, level 3 nearly tells you. Hints unlock in order and each has a penalty shown before you unlock it. **Recipes** are short how-to guides ("Slice auth logs with grep and awk") recommended at the moment you need them; using them is free and is what experienced analysts do. When Sortie notices you may be stuck (a long time on a stage, or repeated wrong answers), it offers a **nudge**: the recipe or hint that helped other learners most at that point, with the reason.

## Reflection and submission

When every required stage on your path is complete, you write a **reflection**: what you did, what you would do differently, and what you learned. You can quote moments from your own timeline ("I spent 14 minutes on the firewall logs before opening the recipe"). Mentors value honest reflections over polished ones. Then you **submit**.

## How a mentor scores you

A mentor reviews your submission with the mission's **rubric**: for each criterion they choose a level (for example *Insufficient*, *Developing*, *Proficient*, *Expert*), each worth points. Your score is:

- each stage's criteria averaged by their weights,
- stages combined by their weights, over the stages **on your path**,
- plus decision adjustments, minus hint penalties, kept between 0 and 100.

You pass when the score reaches the mission's minimum and every required stage scored above zero. Before the mentor looks, an automatic **pre-score** checks evidence, answers and your reflection's coverage of the objectives; it is a suggestion to the mentor, never the final mark.

The review ends in one of three outcomes:

| outcome | what it means | what you do |
|---|---|---|
| **Approved** | you passed; the mission joins your portfolio | share it, move on to the next tier |
| **Changes requested** | close, but something is missing | read the feedback, revisit the named stages, resubmit (same attempt) |
| **Failed** | the key finding or judgement was missed | read the feedback and recommended recipes, then start a new attempt |

Passing missions unlocks the next tier of a track (by default, two passes in a tier open the next).`,
  self_check: [
    {
      id: "decision-final",
      prompt: "You chose \"Isolate the host now\" at a decision point and regret it. Can you change it in the same attempt?",
      choices: [
        { id: "yes", text: "Yes, choose again and the newer choice counts.", feedback: "No: a decision is made once per attempt; choosing a different option is refused." },
        { id: "no", text: "No: the decision is final for this attempt; its consequence and branch are part of your path.", correct: true, feedback: "Right. As in a real incident, you live with the call and explain it in your reflection." },
        { id: "mentor", text: "Only if your mentor resets it.", feedback: "Mentors review decisions, they do not undo them. A new attempt is a fresh path." },
      ],
    },
    {
      id: "hint-vs-recipe",
      prompt: "What is the difference between unlocking a hint and opening a recipe?",
      choices: [
        { id: "hint-costs", text: "A hint costs the penalty shown on it; a recipe is free to use.", correct: true, feedback: "Correct. Recipes teach a method; hints point at the answer, so they cost points." },
        { id: "both-cost", text: "Both cost points.", feedback: "Recipes never cost points: using them is what a good analyst does." },
        { id: "same", text: "They are the same thing shown in different places.", feedback: "Hints belong to a stage and come in levels with penalties; recipes are reusable how-to guides." },
      ],
    },
    {
      id: "path-score",
      prompt: "Which stages count towards your mission score?",
      choices: [
        { id: "all", text: "Every stage of the mission, including branches you never visited.", feedback: "No: you are scored on the stages of your own path, weighted by their weights." },
        { id: "path", text: "The stages on your decision path, by their weights, plus decision adjustments, minus hint penalties.", correct: true, feedback: "Yes, that's the formula mentors' levels feed into." },
        { id: "last", text: "Only the last stage.", feedback: "Every stage on your path contributes by its weight." },
      ],
    },
    {
      id: "changes-requested",
      prompt: "Your submission comes back \"Changes requested\". What happens next?",
      choices: [
        { id: "new", text: "You must start a new attempt from the first stage.", feedback: "That's what happens after a failed review. Changes requested reopens the same attempt." },
        { id: "same", text: "The same attempt reopens: you read the feedback, revisit the stages it names and resubmit.", correct: true, feedback: "Correct. Your work is kept; you improve it and submit again." },
        { id: "nothing", text: "Nothing: it counts as a pass with a lower score.", feedback: "It is not a pass yet; the mentor wants something fixed first." },
      ],
    },
  ],
};
