from __future__ import annotations

import itertools

import pytest

from revdiff.engine.sentences import (
    paragraphs_as_sentences,
    split_paragraph,
    split_sentences,
)

from .conftest import CountingText


def pieces(text: str) -> list[str]:
    return [text[start:end] for start, end in split_paragraph(text)]


@pytest.mark.parametrize("text, expected", [
    ("Defense Secretary Mark T. Esper said so. He left.",
     ["Defense Secretary Mark T. Esper said so.", "He left."]),
    ("Gen. Milley agreed. Sec. Pompeo did not.", ["Gen. Milley agreed.", "Sec. Pompeo did not."]),
    # a letter that is no initial ended no sentence
    ("Plan B. The plan failed. He took vitamin C. It helped. George W. Bush agreed.",
     ["Plan B.", "The plan failed.", "He took vitamin C.", "It helped.", "George W. Bush agreed."]),
    # a surname that may open a sentence ended one at the initial before it
    (("The lawyer is Robert E. Still. He spoke. Mary C. Most, 45, resigned. Plan B. Still, it "
      "failed. Plan C. No. It failed."),
     ["The lawyer is Robert E. Still.", "He spoke.", "Mary C. Most, 45, resigned.", "Plan B.",
      "Still, it failed.", "Plan C.", "No.", "It failed."]),
    # but a pronoun, an official or a title after the initial opens a sentence as before
    (("They backed Plan B. It, too, failed. He was at Terminal C. Police, who came, held him. "
      "He backed Plan D. Mr. Smith did not."),
     ["They backed Plan B.", "It, too, failed.", "He was at Terminal C.",
      "Police, who came, held him.", "He backed Plan D.", "Mr. Smith did not."]),
    ("Q. What did you see? A. Nothing. So did I. Then I left.",
     ["Q. What did you see?", "A. Nothing.", "So did I.", "Then I left."]),
    ("The attack on Dec. 27 killed a contractor. Officials said so.",
     ["The attack on Dec. 27 killed a contractor.", "Officials said so."]),
    ("A U.S. airstrike killed him. The U.S. military confirmed it.",
     ["A U.S. airstrike killed him.", "The U.S. military confirmed it."]),
    ("He was sent to the U.S. The trip was short.", ["He was sent to the U.S.", "The trip was short."]),
    # a Spanish question or exclamation opens with its mark: the opener after it ends an abbreviation
    ("Vive en EE.UU. ¿No lo sabías?", ["Vive en EE.UU.", "¿No lo sabías?"]),
    ("He moved to the U.S. ¡No way!", ["He moved to the U.S.", "¡No way!"]),
    # a word that says when opened no sentence after `U.S.`, which a name's word continues
    (("The troops left the U.S. Today they arrived. He flew to the U.S. Yesterday, he left. "
      "He backed Plan B. Tomorrow, it fails. The U.S. Embassy and U.S. President Trump spoke."),
     ["The troops left the U.S.", "Today they arrived.", "He flew to the U.S.",
      "Yesterday, he left.", "He backed Plan B.", "Tomorrow, it fails.",
      "The U.S. Embassy and U.S. President Trump spoke."]),
    # `ex.` opening a bracket ended a sentence before a capital
    ("He owns many things (ex. Cars, TVs) at home. [ex. Gold] Bob left his ex. She stayed.",
     ["He owns many things (ex. Cars, TVs) at home.", "[ex. Gold] Bob left his ex.",
      "She stayed."]),
    # so did `Ex.` opening a sentence, which it cannot be the whole of
    ("Ex. Smith left. He left his ex. Ex. Jones stayed. “Ex. Smith left,” he said.",
     ["Ex. Smith left.", "He left his ex.", "Ex. Jones stayed.", "“Ex. Smith left,” he said."]),
    # a politician's party and state, dotted, ended a sentence only before a typical opener
    (("Sen. Lindsey O. Graham, R-S.C. Graham said so. Rep. Jane Doe, D-N.Y., agreed. A U.S. "
      "Army unit left."),
     ["Sen. Lindsey O. Graham, R-S.C.", "Graham said so.", "Rep. Jane Doe, D-N.Y., agreed.",
      "A U.S. Army unit left."]),
    ("“This strike was aimed at deterring attacks,” Esper said. “We are ready.”",
     ["“This strike was aimed at deterring attacks,” Esper said.", "“We are ready.”"]),
    ("“Will they respond?” he asked. Nobody knew.", ["“Will they respond?” he asked.", "Nobody knew."]),
    # a speaker named after a quoted question or exclamation began a sentence of their own
    ("“What now?” Mr. Smith asked. “Never!” Esper told reporters. “Why?” He said no.",
     ["“What now?” Mr. Smith asked.", "“Never!” Esper told reporters.", "“Why?”", "He said no."]),
    # so did a name before a speech verb with an object of its own
    ("“Why?” Merkel said nothing. “Why?” Merkel asked the minister. “No!” Esper said on Friday.",
     ["“Why?”", "Merkel said nothing.", "“Why?” Merkel asked the minister.",
      "“No!” Esper said on Friday."]),
    # a speech verb other than `said`, `asked`, `told` and their like named no speaker, and the
    # quotation was cut from its attribution (`“It is over!” Trump shouted.`)
    (("“It is over!” Trump shouted. The crowd cheered. “Why?” Pelosi replied. “No.” Esper "
      "insisted. “Go!” Milley warned. “We won.” Biden declared the talks a success."),
     ["“It is over!” Trump shouted.", "The crowd cheered.", "“Why?” Pelosi replied.",
      "“No.” Esper insisted.", "“Go!” Milley warned.", "“We won.”",
      "Biden declared the talks a success."]),
    # a time after `said` was read as its object, which opens a sentence of its own
    ("“Why now?” Trump said this week. “Who cares?” Biden said the next day. “Why?” He left.",
     ["“Why now?” Trump said this week.", "“Who cares?” Biden said the next day.", "“Why?”",
      "He left."]),
    ("“Now?” Esper added that it was late. “Now?” Esper said.",
     ["“Now?”", "Esper added that it was late.", "“Now?” Esper said."]),
    # a name and a speech verb ending the sentence after `.”` were read as a sentence of their own
    ("“It is over.” Biden said. “It is over.” President Joe Biden added. He left.",
     ["“It is over.” Biden said.", "“It is over.” President Joe Biden added.", "He left."]),
    ("“It is over.” Biden said the talks failed. “It is over.” Biden told reporters.",
     ["“It is over.”", "Biden said the talks failed.", "“It is over.”", "Biden told reporters."]),
    # so were a name and a speech verb followed by where or when the quotation was said, or by a
    # comma and the clause it goes on with
    (("“It is over.” Biden said in a statement. “We lost.” Sen. Mitch McConnell said on Friday. "
      "He left."),
     ["“It is over.” Biden said in a statement.",
      "“We lost.” Sen. Mitch McConnell said on Friday.", "He left."]),
    ("“It is over.” Biden said late Tuesday night. “We lost.” Biden said, adding that he was sad.",
     ["“It is over.” Biden said late Tuesday night.",
      "“We lost.” Biden said, adding that he was sad."]),
    # and by a time followed by where it was said
    ("“We lost.” Biden said late Friday night in Ohio. He left. “No.” Biden said Friday at a rally.",
     ["“We lost.” Biden said late Friday night in Ohio.", "He left.",
      "“No.” Biden said Friday at a rally."]),
    ("“We lost.” Biden said March 3rd in Ohio. He left. “No.” Biden said Friday the 13th at a rally.",
     ["“We lost.” Biden said March 3rd in Ohio.", "He left.",
      "“No.” Biden said Friday the 13th at a rally."]),
    ("“We lost.” Biden said late Friday in Ohio he would run.",
     ["“We lost.”", "Biden said late Friday in Ohio he would run."]),
    # a time named with `that` was read as `that` opening a statement of its own
    (("“No.” Biden said that evening in Ohio. “No.” Biden said that day. “No.” Biden said that "
      "morning he would run."),
     ["“No.” Biden said that evening in Ohio.", "“No.” Biden said that day.", "“No.”",
      "Biden said that morning he would run."]),
    # and so was a time opened by `midday` or `overnight`
    (("“No.” Biden said midday Friday in Ohio. “No.” Biden said overnight. “No.” Biden said "
      "midday Friday the talks failed."),
     ["“No.” Biden said midday Friday in Ohio.", "“No.” Biden said overnight.", "“No.”",
      "Biden said midday Friday the talks failed."]),
    # and so was a time counted from another, read as the verb's object after `?”` too
    (("“No.” Biden said hours later. “No.” Biden said a few weeks ago in Ohio. “Why?” Merkel "
      "said a day later. “No.” Biden said days later he would run. “No.” Biden said a day."),
     ["“No.” Biden said hours later.", "“No.” Biden said a few weeks ago in Ohio.",
      "“Why?” Merkel said a day later.", "“No.”", "Biden said days later he would run.", "“No.”",
      "Biden said a day."]),
    # and so was a clause after a comma after where or when it was said, as after the verb's
    (("“No.” Biden said Friday, adding that he was sad. “No.” Biden said in a statement, adding "
      "that he was sad. “No.” Biden said Friday, “We lost.” “No.” Biden said Friday the talks, "
      "he said, failed."),
     ["“No.” Biden said Friday, adding that he was sad.",
      "“No.” Biden said in a statement, adding that he was sad.", "“No.”",
      "Biden said Friday, “We lost.”", "“No.”", "Biden said Friday the talks, he said, failed."]),
    # and so was a time opened by a rarer word
    (("“No.” Biden said back in 2019. “No.” Biden says tomorrow. “No.” Biden said recently in "
      "Ohio. “No.” Biden said back then he would run. “No.” Biden said tomorrow's vote failed."),
     ["“No.” Biden said back in 2019.", "“No.” Biden says tomorrow.",
      "“No.” Biden said recently in Ohio.", "“No.”", "Biden said back then he would run.", "“No.”",
      "Biden said tomorrow's vote failed."]),
    # and so was a place or means of more than a dozen words
    (("“We lost.” Biden said in a statement released by his campaign office in Wilmington late "
      "on Friday. He left."),
     [("“We lost.” Biden said in a statement released by his campaign office in Wilmington late "
       "on Friday."), "He left."]),
    # but a preposition after words of no time is in a statement reported without `that`
    (("“We lost.” Biden said Friday the talks in Geneva failed. “No.” Biden said Tuesday troops "
      "from Iraq came home."),
     ["“We lost.”", "Biden said Friday the talks in Geneva failed.", "“No.”",
      "Biden said Tuesday troops from Iraq came home."]),
    (("“It is over.” Biden said on Friday that the talks failed. “No.” Biden said Tuesday the "
      "talks failed. “No.” Biden said, “We lost.”"),
     ["“It is over.”", "Biden said on Friday that the talks failed.", "“No.”",
      "Biden said Tuesday the talks failed.", "“No.”", "Biden said, “We lost.”"]),
    # a closing mark standing alone after the time was read as the end of the sentence
    ("“We won.” Biden said late Friday ” that the talks failed. “No.” Biden said Friday ).",
     ["“We won.”", "Biden said late Friday ” that the talks failed.",
      "“No.” Biden said Friday )."]),
    # as did a statement reported without `that` after where or when it was said
    (("“We will win.” Biden said on Tuesday he would run. “No.” Smith said in an interview the "
      "team would rebuild."),
     ["“We will win.”", "Biden said on Tuesday he would run.", "“No.”",
      "Smith said in an interview the team would rebuild."]),
    # a verb of saying on social media was no speech verb: its speaker opened a sentence
    (("“Iran never won a war.” Trump tweeted on Friday. “No.” Trump posted a video. "
      "“Why?” Musk posted."),
     ["“Iran never won a war.” Trump tweeted on Friday.", "“No.”", "Trump posted a video.",
      "“Why?” Musk posted."]),
    # so did a speaker with an aside between commas before the verb
    (("“No.” Smith, 45, said in an interview. “No.” John Smith, the mayor, said in a statement. "
      "“Why?” Smith, 45, asked. “No.” Smith, 45, said the talks failed. “No.” Yesterday, in "
      "Paris, Biden said so."),
     ["“No.” Smith, 45, said in an interview.",
      "“No.” John Smith, the mayor, said in a statement.", "“Why?” Smith, 45, asked.", "“No.”",
      "Smith, 45, said the talks failed.", "“No.”", "Yesterday, in Paris, Biden said so."]),
    # so did a speaker named with a job of lower-case words or of more than three words
    (("“No.” White House spokesman Judd Deere said. “No.” Iranian Foreign Minister Javad Zarif "
      "said. “Why?” Secretary of State Mike Pompeo asked. “No.” Pentagon officials said. “No.” "
      "Defense Secretary Mark Esper said the talks failed."),
     ["“No.” White House spokesman Judd Deere said.",
      "“No.” Iranian Foreign Minister Javad Zarif said.",
      "“Why?” Secretary of State Mike Pompeo asked.", "“No.” Pentagon officials said.", "“No.”",
      "Defense Secretary Mark Esper said the talks failed."]),
    # a word that says when before the speaker opened a sentence, as it does after `U.S.`
    (("“Is it over?” Today Smith asked. “Why?” Yesterday, Smith said, he left. “No.” Tonight "
      "Biden said."),
     ["“Is it over?” Today Smith asked.", "“Why?”", "Yesterday, Smith said, he left.",
      "“No.” Tonight Biden said."]),
    # while a capitalised opener is the writer's own start of a sentence
    ("“It is over.” He said. “It is over.” Officials said.",
     ["“It is over.”", "He said.", "“It is over.”", "Officials said."]),
    ("“Is it over?” Officials said it was. “Now!” The crowd said so.",
     ["“Is it over?”", "Officials said it was.", "“Now!”", "The crowd said so."]),
    # a question's speaker named as the one it was put to opened a sentence of its own
    (("“Is this war?” Trump was asked on Friday. He said no. “Why?” Pentagon officials were "
      "asked. “Why?” Trump was told."),
     ["“Is this war?” Trump was asked on Friday.", "He said no.",
      "“Why?” Pentagon officials were asked.", "“Why?”", "Trump was told."]),
    # though not when asked to do something or another question
    ("“Is it over?” Reporters were asked to leave. “Why?” Smith was asked whether he would run.",
     ["“Is it over?”", "Reporters were asked to leave.", "“Why?”",
      "Smith was asked whether he would run."]),
    ("BAGHDAD — A U.S. airstrike killed Iranian commander Qasem Soleimani on Thursday.",
     ["BAGHDAD — A U.S. airstrike killed Iranian commander Qasem Soleimani on Thursday."]),
    # a dateline's state abbreviation before a credit or a dash ended a sentence
    ("PORTLAND, Ore. (AP) — A man was arrested. He lives in Portland, Ore. The city is wet.",
     ["PORTLAND, Ore. (AP) — A man was arrested.", "He lives in Portland, Ore.",
      "The city is wet."]),
    ("ST. PAUL, Minn. (AP) — Officials met.", ["ST. PAUL, Minn. (AP) — Officials met."]),
    ("SAN DIEGO, Calif. - The Navy said so.", ["SAN DIEGO, Calif. - The Navy said so."]),
    ("He paused... Then he spoke. It went on... and on.",
     ["He paused...", "Then he spoke.", "It went on... and on."]),
    # a quotation that trails off in an ellipsis was cut from its speaker (`…” Trump said.`)
    (("“He was plotting attacks...” Trump said. He did not elaborate. “We are ready…” Esper told "
      "reporters. “Wait...” He left. “Wait…” Officials said nothing."),
     ["“He was plotting attacks...” Trump said.", "He did not elaborate.",
      "“We are ready…” Esper told reporters.", "“Wait...”", "He left.", "“Wait…”",
      "Officials said nothing."]),
    ("the u.s. army said so. then it left? “why?” he asked. fine",
     ["the u.s. army said so.", "then it left?", "“why?” he asked.", "fine"]),
    ("Breaking news without final punctuation", ["Breaking news without final punctuation"]),
    # a bullet after a sentence's end continued the sentence
    ("Key points: • Prices rose. • Markets fell! ■ Banks shut.",
     ["Key points: • Prices rose.", "• Markets fell!", "■ Banks shut."]),
    ("Key points: - Prices rose. - Markets fell. -5 degrees was the low. It fell - to -7.",
     ["Key points: - Prices rose.", "- Markets fell.", "-5 degrees was the low.", "It fell - to -7."]),
    # a hyphen set as a dash after an abbreviation or before a lower-case word opened an item
    ("Sales rose from Jan. - Mar. 2020. Ministers etc. - all of them - came. He said wait. - and left.",
     ["Sales rose from Jan. - Mar. 2020.", "Ministers etc. - all of them - came.",
      "He said wait. - and left."]),
    ("diplomats.The killing of a senior figure.", ["diplomats.", "The killing of a senior figure."]),
    # a quotation glued to the sentence before it was left in that sentence (`said.“There is`),
    # where a German quotation's closing `“` (`„Wir kommen.“Dann`) ends the sentence after it
    (("“We are ready,” Milley said.“There is sufficient combat power there,” he said. We must "
      "act.”“We will,” she said. Er sagte: „Wir kommen.“Dann ging er."),
     ["“We are ready,” Milley said.", "“There is sufficient combat power there,” he said.",
      "We must act.”", "“We will,” she said.", "Er sagte: „Wir kommen.“", "Dann ging er."]),
    ("Read more at washingtonpost.com today. It costs $3.50 now.",
     ["Read more at washingtonpost.com today.", "It costs $3.50 now."]),
    # a number with a decimal point was read as a dotted abbreviation, ending a sentence only
    # before a typical opener
    ("Shares rose 3.5%. Analysts were surprised. It costs $12.30. Traders left.",
     ["Shares rose 3.5%.", "Analysts were surprised.", "It costs $12.30.", "Traders left."]),
    ("Er lag bei 1.000. Danach fiel er.", ["Er lag bei 1.000.", "Danach fiel er."]),
    # an e-mail address with capitals was cut at its first full stop
    ("Write to Jane.Doe@Example.com or see Example.Org/News today.",
     ["Write to Jane.Doe@Example.com or see Example.Org/News today."]),
    ("Who was he? Nobody knows! Really.", ["Who was he?", "Nobody knows!", "Really."]),
    # a dotted abbreviation glued to markup with a digit ended a sentence, and a word glued to a
    # dotted part ended one only before a typical opener
    ("[[file:x.jpg|250px|u.s. army soldiers arrive. they left.",
     ["[[file:x.jpg|250px|u.s. army soldiers arrive.", "they left."]),
    ("Read more at example.com/world. Prices rose.", ["Read more at example.com/world.", "Prices rose."]),
    # a Wikipedia reference marker after the full stop joined two sentences
    ("The city was founded in 1820.[1] It grew fast.[2][a] Later the U.S.[3] Army came.",
     ["The city was founded in 1820.[1]", "It grew fast.[2][a]", "Later the U.S.[3] Army came."]),
    ("It happened at 5 p.m. on Friday.", ["It happened at 5 p.m. on Friday."]),
    # a time's `p.m.` ended a sentence only before a typical opener, not before a name or a title
    ("He left at 5 p.m. Mayor Adams stayed. It starts at 10:30 a.m. ET on Friday.",
     ["He left at 5 p.m.", "Mayor Adams stayed.", "It starts at 10:30 a.m. ET on Friday."]),
    ("At 5 p.m. Monday it ends, at 3 a.m. Baghdad time. At 9 a.m. Trump tweeted.",
     ["At 5 p.m. Monday it ends, at 3 a.m. Baghdad time.", "At 9 a.m. Trump tweeted."]),
    # a place of more than two words before `time` was read as a sentence's start
    ("We met at 9 a.m. New York City time. It ended at 4 p.m. Rio de Janeiro local time.",
     ["We met at 9 a.m. New York City time.", "It ended at 4 p.m. Rio de Janeiro local time."]),
    # a time zone that is spelt as an abbreviation (`est.`, `Mt.`) ended no sentence
    (("It started at 5 p.m. EST. Crowds came. It ended at 17:00 MT. Fans left. The Mt. Hood "
     "trip cost est. $5. CLIMBERS ON MT. HOOD DIED."),
     ["It started at 5 p.m. EST.", "Crowds came.", "It ended at 17:00 MT.", "Fans left.",
      "The Mt. Hood trip cost est. $5.", "CLIMBERS ON MT. HOOD DIED."]),
    # a place whose name holds an abbreviation was read as a sentence's start
    (("He arrived at 9 a.m. St. Louis time. It ended at 4 p.m. D.C. time. At 8 p.m. Ft. Worth "
     "time he left."),
     ["He arrived at 9 a.m. St. Louis time.", "It ended at 4 p.m. D.C. time.",
      "At 8 p.m. Ft. Worth time he left."]),
    # so was a place with its region after a comma
    ("It ended at 4 p.m. Washington, D.C. time. We met at 9 a.m. Paris, Texas time. He left.",
     ["It ended at 4 p.m. Washington, D.C. time.", "We met at 9 a.m. Paris, Texas time.",
      "He left."]),
    ("We met at 9 a.m. St. Louis officials said it was time.",
     ["We met at 9 a.m.", "St. Louis officials said it was time."]),
    ("We met at 9 a.m. New York officials said it was time. It was 9 a.m. Madrid, time to go.",
     ["We met at 9 a.m.", "New York officials said it was time.", "It was 9 a.m.",
      "Madrid, time to go."]),
    # an amount may begin a sentence; a German day of the month ends none (both were one wrong)
    ("The deal closed. $5 million was paid. -5 degrees was the low.",
     ["The deal closed.", "$5 million was paid.", "-5 degrees was the low."]),
    ("Am 3. Januar wurde er getötet. Er war 62.", ["Am 3. Januar wurde er getötet.", "Er war 62."]),
    ("He was born in 1990. The next year he left.", ["He was born in 1990.", "The next year he left."]),
    ("The vote was 52 to 48. August brought protests.",
     ["The vote was 52 to 48.", "August brought protests."]),
    # German, Spanish, Italian and Dutch abbreviations and dates end no sentence
    ("Am 3. Mai griffen Rebellen an. Er starb am 12. August 2024. Die Armee schwieg.",
     ["Am 3. Mai griffen Rebellen an.", "Er starb am 12. August 2024.", "Die Armee schwieg."]),
    # nor does a German ordinal after an article (`Der 3. Platz` was two sentences), where a number
    # after English `am` may end one
    ("Der 3. Platz ging an Bayern. Zum 20. Mal siegte er im 125. Jahr des 19. Jahrhunderts.",
     ["Der 3. Platz ging an Bayern.", "Zum 20. Mal siegte er im 125. Jahr des 19. Jahrhunderts."]),
    ("I am 30. Then I left.", ["I am 30.", "Then I left."]),
    # an abbreviation that follows a name ended no sentence, as if it preceded one
    ("He lives on Main St. The house in St. Louis went to Martin Luther King Jr. It sold.",
     ["He lives on Main St.", "The house in St. Louis went to Martin Luther King Jr.", "It sold."]),
    ("King Jr. said so. Sr. Pérez and Sr. Smith agreed.",
     ["King Jr. said so.", "Sr. Pérez and Sr. Smith agreed."]),
    # a numbered list's item number was a sentence of its own
    ("1. First, check the facts. 2. Then publish. The bomb killed 80. The army left.",
     ["1. First, check the facts.", "2. Then publish.", "The bomb killed 80.", "The army left."]),
    # and so was each item of a list written into a sentence
    ("Results: 1. Smith 2. Jones 3. Brown. Next race soon.",
     ["Results: 1. Smith 2. Jones 3. Brown.", "Next race soon."]),
    ("Score: 1. Then we left. He came in 1. Smith 2. Jones.",
     ["Score: 1.", "Then we left.", "He came in 1.", "Smith 2.", "Jones."]),
    ("The area is 5 km ². Then ③. He left.", ["The area is 5 km ².", "Then ③.", "He left."]),
    # a number an abbreviation names is no item (`No. 2.` ended the sentence before lists did)
    ("The vote ended. 1. The team came in at No. 2. Smith said so.",
     ["The vote ended.", "1. The team came in at No. 2.", "Smith said so."]),
    ("The deadline is Sept. 30. The bill passed.", ["The deadline is Sept. 30.", "The bill passed."]),
    # but a number after an English word spelt as a German article may: a band, a scout den
    ("He formed the band Die 2. The band split in 2001. He joined Den 7. It met weekly.",
     ["He formed the band Die 2.", "The band split in 2001.", "He joined Den 7.",
      "It met weekly."]),
    ("He joined Den 7. Members met weekly. „Der 3. Platz ist gut“, sagte er.",
     ["He joined Den 7.", "Members met weekly.", "„Der 3. Platz ist gut“, sagte er."]),
    ("Es gab ca. 300 Tote. Opfer Nr. 5 ist bekannt. Die Regierung bzw. Kabinett tagte.",
     ["Es gab ca. 300 Tote.", "Opfer Nr. 5 ist bekannt.", "Die Regierung bzw. Kabinett tagte."]),
    # a unit's letter after a number was read as an initial, ending a sentence only before an
    # English opener
    ("Il est arrivé à 10 h. Le ministre est parti. Il a plu 30 mm. Le fleuve a monté.",
     ["Il est arrivé à 10 h.", "Le ministre est parti.", "Il a plu 30 mm.", "Le fleuve a monté."]),
    # `deg.` before a temperature's scale ended a sentence, and the scale's letter none
    ("It was 40 deg. F. Crowds came. It hit 40 deg. Celsius. It hit 40 deg. The heat rose.",
     ["It was 40 deg. F.", "Crowds came.", "It hit 40 deg. Celsius.", "It hit 40 deg.",
      "The heat rose."]),
    # nor did a scale's capital letter right after a number, before a word that is no opener
    ("The temperature hit 100 F. People left. It hit 40 C. Crowds came. Plan B. People left.",
     ["The temperature hit 100 F.", "People left.", "It hit 40 C.", "Crowds came.",
      "Plan B. People left."]),
    # while a name's initial after a year or a day, a scale's letter too, ended one there
    ("In 1925 F. Scott Fitzgerald wrote it. Since 2010 K. Johnson has led. On May 5 C. J. Roberts ruled.",
     ["In 1925 F. Scott Fitzgerald wrote it.", "Since 2010 K. Johnson has led.",
      "On May 5 C. J. Roberts ruled."]),
    # and a day of a month before one initial was read as a temperature, ending one there
    ("On May 5 C. Roberts ruled. On Jan. 3 K. Michael Conaway took office. It hit 5 C. People left.",
     ["On May 5 C. Roberts ruled.", "On Jan. 3 K. Michael Conaway took office.", "It hit 5 C.",
      "People left."]),
    # but a number that is no day of the month, or after a comma, is a temperature there
    ("It was the hottest day of May, 35 C. Crowds came. In July 45 C. Heat was recorded.",
     ["It was the hottest day of May, 35 C.", "Crowds came.", "In July 45 C.",
      "Heat was recorded."]),
    # French `MM.` and a German weekday before a date ended a sentence
    ("MM. Dupont et Durand sont partis. Am Mo. 3. März kam er. I do. 3 people came.",
     ["MM. Dupont et Durand sont partis.", "Am Mo. 3. März kam er.", "I do.", "3 people came."]),
    # and so did an English weekday before a month (`Wed. Jan. 8`)
    ("The vigil is on Wed. Jan. 8. It moved to Fri. March 6. He left on Sat. Police came.",
     ["The vigil is on Wed. Jan. 8.", "It moved to Fri. March 6.", "He left on Sat.",
      "Police came."]),
    # but not before a month without a day: `Sun.` may be the newspaper, `May` Theresa May
    ("He told the Sun. May has denied it. The vote is on Sun. May 5.",
     ["He told the Sun.", "May has denied it.", "The vote is on Sun. May 5."]),
    ("Il est né le 1er janv. 1990 à Paris. Murió en dic. 2020 en Madrid.",
     ["Il est né le 1er janv. 1990 à Paris.", "Murió en dic. 2020 en Madrid."]),
    ("La Sra. García habló. Il sig. Rossi tace. Hr. Meier ging. Dhr. Jansen bleef.",
     ["La Sra. García habló.", "Il sig. Rossi tace.", "Hr. Meier ging.", "Dhr. Jansen bleef."]),
    ("La Dra. Ruiz y el Lic. Pérez hablaron. Il y avait env. 300 personnes. Elles sont parties.",
     ["La Dra. Ruiz y el Lic. Pérez hablaron.", "Il y avait env. 300 personnes.",
      "Elles sont parties."]),
    # a quotation closed in German or French marks ends its sentence
    ("„Wir sind bereit.“ Der Minister ging. »Nie.« Dann schwieg er.",
     ["„Wir sind bereit.“", "Der Minister ging.", "»Nie.«", "Dann schwieg er."]),
    ("Er sagte nur: ‚Nein.‘ Danach schwieg er.", ["Er sagte nur: ‚Nein.‘", "Danach schwieg er."]),
    ("Il a dit : « Nous sommes prêts.\u00a0» Le ministre est parti. « Non ? » a-t-il demandé.",
     ["Il a dit : « Nous sommes prêts.\u00a0»", "Le ministre est parti.",
      "« Non ? » a-t-il demandé."]),
    # a web or e-mail address ends its sentence before any capital, as a word does; dotted
    # abbreviations only before an opener
    (("Read more at https://www.example.com/news/story.html. Contact us at news@cdc.gov. "
      "Shares of Amazon.com. Analysts agreed. He joined the U.S. Army and got a Ph.D. Smith said."),
     ["Read more at https://www.example.com/news/story.html.", "Contact us at news@cdc.gov.",
      "Shares of Amazon.com.", "Analysts agreed.",
      "He joined the U.S. Army and got a Ph.D. Smith said."]),
    # German `Mio.` and `Mrd.` before a currency or a counted noun end no sentence, before an
    # article or a pronoun they do
    (("Es kostet 5 Mio. Euro. Das ist viel. Die Firma hat 3 Mrd. Dollar Schulden und 2 Mio. "
      "Kunden. Der Verlust betrug 1,2 Mrd. Er ist hoch."),
     ["Es kostet 5 Mio. Euro.", "Das ist viel.",
      "Die Firma hat 3 Mrd. Dollar Schulden und 2 Mio. Kunden.", "Der Verlust betrug 1,2 Mrd.",
      "Er ist hoch."]),
    # German `vgl.`, a figure's `Abb.` and a street's `Str.` before its number (`Bahnhofstr. 5`,
    # German writes a street's name as one word with it) ended a sentence
    (("Der Zug fuhr ab, vgl. Fahrplan. Er war pünktlich. Siehe Abb. 3. Die Zahlen sind neu. "
      "Es brannte in der Bahnhofstr. 5 in Köln. In der Karl-Marx-Str. 12 auch."),
     ["Der Zug fuhr ab, vgl. Fahrplan.", "Er war pünktlich.", "Siehe Abb. 3.",
      "Die Zahlen sind neu.", "Es brannte in der Bahnhofstr. 5 in Köln.",
      "In der Karl-Marx-Str. 12 auch."]),
    # Russian `ул.` before a street's name ended a sentence, and a house's number after the
    # initial-like `д.` was read as a list's item, ending none
    ("Это произошло на ул. Ленина, д. 5. Жители эвакуированы.",
     ["Это произошло на ул. Ленина, д. 5.", "Жители эвакуированы."]),
])
def test_news_sentences(text: str, expected: list[str]) -> None:
    assert pieces(text) == expected


def test_sentences_keep_paragraph_and_offsets() -> None:
    paragraphs = ("  First one. Second one.", "", "Third, alone")
    sentences = split_sentences(paragraphs)
    assert [s.index for s in sentences] == [0, 1, 2]
    assert [s.paragraph for s in sentences] == [0, 0, 2]
    for sentence in sentences:
        assert paragraphs[sentence.paragraph][sentence.start:sentence.end] == sentence.text
    assert sentences[0].start == 2


def test_lines_mode_is_one_sentence_per_paragraph() -> None:
    sentences = paragraphs_as_sentences(("One. Two.", "   ", " Three "))
    assert [s.text for s in sentences] == ["One. Two.", "Three"]
    assert [s.paragraph for s in sentences] == [0, 2]
    assert sentences[1].start == 1


def test_seed_004_splits_cleanly(shared) -> None:  # type: ignore[no-untyped-def]
    from revdiff.formats import load
    article = load([str(shared / "seeds" / "004_40d47a86cd9220f1.txt")])[0]
    texts = []
    for v in article.versions:
        sentences = split_sentences(v.paragraphs)
        texts += [s.text for s in sentences]
        # Inside a paragraph no sentence ends on a title or an initial (the page's own paragraphs
        # sometimes do, where the source site's markup cut them).
        for first, second in itertools.pairwise(sentences):
            if first.paragraph == second.paragraph:
                assert not first.text.endswith((" Gen.", " Sec.", " Mr.", " T.", " A.")), first.text
    assert texts
    assert any("Mark T. Esper" in text for text in texts)


@pytest.mark.parametrize(("paragraph", "sentences"), [
    ("שלום עולם. זה טקסט.", ["שלום עולם.", "זה טקסט."]),
    ("مرحبا بالعالم. هذا نص؟ نعم.", ["مرحبا بالعالم.", "هذا نص؟", "نعم."]),
    ("नमस्ते दुनिया। यह पाठ है।", ["नमस्ते दुनिया।", "यह पाठ है।"]),
    # Hindi's `डॉ.` (Dr.) before a name ended a sentence at its full stop
    ("डॉ. शर्मा ने बताया। प्रो. गुप्ता आए।", ["डॉ. शर्मा ने बताया।", "प्रो. गुप्ता आए।"]),
    ("حکومت نے اعلان کیا۔ اسکول بند رہیں گے۔", ["حکومت نے اعلان کیا۔", "اسکول بند رہیں گے۔"]),
    ("यह पहला श्लोक है॥ यह दूसरा है।", ["यह पहला श्लोक है॥", "यह दूसरा है।"]),
    # a danda or an Arabic question mark, which no abbreviation or number holds, ends a sentence
    # glued to the next word by a site's markup, as `。` does; before a digit, a verse's number
    # (`॥१॥`), it does not
    ("वह आया।फिर गया। सेना ने घेरा।।अब शांति है।", ["वह आया।", "फिर गया।", "सेना ने घेरा।।",
                                                   "अब शांति है।"]),
    ("हे प्रभु॥१॥ यह दूसरा है।", ["हे प्रभु॥१॥", "यह दूसरा है।"]),
    ("هل هذا صحيح؟نعم. هل انتهى؟!قال لا.", ["هل هذا صحيح؟", "نعم.", "هل انتهى؟!", "قال لا."]),
    ("今天下雨。明天晴天！你好吗？", ["今天下雨。", "明天晴天！", "你好吗？"]),
    # a Korean full stop, question or exclamation mark glued to the next word by a site's markup
    # ends a sentence, as a Latin one does between a lower-case and a capital letter; an
    # ellipsis between Hangul words, a pause, does not, nor a stop before a digit (`제3.1조`) or
    # in a web address
    ("정부는 대책을 밝혔다.다음 문장이다. 정말인가?그렇다!좋다.",
     ["정부는 대책을 밝혔다.", "다음 문장이다.", "정말인가?", "그렇다!", "좋다."]),
    ("그런데...그래서 갔다. 제3.1조가 바뀐다. 누리집 www.정부.한국에서 본다.",
     ["그런데...그래서 갔다.", "제3.1조가 바뀐다.", "누리집 www.정부.한국에서 본다."]),
    # and so it does before a quotation's closing mark (`말했다."다음`), but for one that the
    # particle after it reports, in its sentence (`"…간다."라고 말했다`); a straight mark that
    # opens a quotation starts the next sentence
    ("\"그가 그렇게 말했다.\"다음 날 떠났다. “그가 말했다.”다음 날 떠났다.",
     ["\"그가 그렇게 말했다.\"", "다음 날 떠났다.", "“그가 말했다.”", "다음 날 떠났다."]),
    ("\"우리는 간다.\"라고 말했다. \"이기겠다.\"고 밝혔다. “간다.”며 떠났다.",
     ["\"우리는 간다.\"라고 말했다.", "\"이기겠다.\"고 밝혔다.", "“간다.”며 떠났다."]),
    ("정부는 대책을 밝혔다.\"우리는 간다.\"라고 말했다.",
     ["정부는 대책을 밝혔다.", "\"우리는 간다.\"라고 말했다."]),
    # an ellipsis, `……`, is a pause inside a Chinese sentence, which ends at its full stop (there
    # is no capital after it to end one, as after `...` in English)
    ("他说……我们走吧。他犹豫了…… 然后离开了。", ["他说……我们走吧。", "他犹豫了…… 然后离开了。"]),
    ("他说：“我们走。”然后离开了。", ["他说：“我们走。”", "然后离开了。"]),
    ("他说：“我们走。” 然后离开了。", ["他说：“我们走。”", "然后离开了。"]),
    ("“我们不会放弃。”市长说。救援将持续。", ["“我们不会放弃。”市长说。", "救援将持续。"]),
    ("「我們會繼續。」外交部發言人表示。", ["「我們會繼續。」外交部發言人表示。"]),
    ("“我们会赢！”大家都鼓掌了。", ["“我们会赢！”", "大家都鼓掌了。"]),
    # a clause saying what something is (`是`) names no speaker, whatever character ends it
    ("“我会回来。”他是总统的顾问。", ["“我会回来。”", "他是总统的顾问。"]),
    ("“我们不会放弃。”这是他的第一部小说。", ["“我们不会放弃。”", "这是他的第一部小说。"]),
    ("救援仍在继续。总统表示：「我们将尽一切努力。」",
     ["救援仍在继续。", "总统表示：「我们将尽一切努力。」"]),
    ("总统表示：「我们会赢！！」", ["总统表示：「我们会赢！！」"]),
    # a full stop after the quotation or bracket that a stop inside closes ends the same sentence,
    # where it was a sentence of its own, `。`
    ("他说“好！”。然后走了。", ["他说“好！”。", "然后走了。"]),
    ("“我们走！”。市长说。", ["“我们走！”。", "市长说。"]),
    ("他问：“真的吗？” ！然后。", ["他问：“真的吗？” ！", "然后。"]),
    ("彼は「行く！」。次の文。他说（见附件。）。下一句。",
     ["彼は「行く！」。", "次の文。", "他说（见附件。）。", "下一句。"]),
    ("首相は「全力を挙げる。」と述べた。政府は対策本部を設置した。",
     ["首相は「全力を挙げる。」と述べた。", "政府は対策本部を設置した。"]),
    ("「もう限界だ！」って言った。「大丈夫。」ところが違った。",
     ["「もう限界だ！」って言った。", "「大丈夫。」", "ところが違った。"]),
    ("「大丈夫。」とても難しい状況だ。", ["「大丈夫。」", "とても難しい状況だ。"]),
    ("「前進する。」ともに戦う。", ["「前進する。」", "ともに戦う。"]),
    ("มีประชากร ๕๐๐ คน เมืองนี้เป็นศูนย์กลาง ราคาต่าง ๆ ขึ้น",
     ["มีประชากร ๕๐๐ คน", "เมืองนี้เป็นศูนย์กลาง", "ราคาต่าง ๆ ขึ้น"]),
    ("ມີຝົນຕົກໜັກ ລັດຖະບານກ່າວ", ["ມີຝົນຕົກໜັກ", "ລັດຖະບານກ່າວ"]),
    ("မိုးကြီးသည်။ လူ ၁၂ ဦး သေဆုံးသည်။", ["မိုးကြီးသည်။", "လူ ၁၂ ဦး သေဆုံးသည်။"]),
    ("ភ្លៀងធ្លាក់។ មនុស្ស ១២ នាក់ស្លាប់។", ["ភ្លៀងធ្លាក់។", "មនុស្ស ១២ នាក់ស្លាប់។"]),
])
def test_scripts_without_case_and_full_width_stops_split(paragraph: str,
                                                          sentences: list[str]) -> None:
    """A paragraph in Hebrew, Arabic, Hindi or Chinese was one sentence, so one changed word made
    the whole paragraph one edit; so was one in Thai and Lao, which end a sentence with a space
    between letters (not one beside a number), and in Myanmar and Khmer, with their full stops.
    A space after a quotation's closing mark left a full-width stop before it ending nothing,
    and a quotation closing a paragraph after two stops (`！！」`) was cut between them."""
    assert [paragraph[start:end] for start, end in split_paragraph(paragraph)] == sentences


@pytest.mark.parametrize("unit", ["The bomb killed 80. ", "Der 3. Platz. ", "words.Glued"])
def test_long_paragraph_is_read_a_few_times_not_once_per_stop(unit: str) -> None:
    """Each number before a full stop sliced the paragraph up to it to find the word before, and
    each glued full stop read its word back to a space, so a long paragraph cost its length
    squared (1 MB of `killed 80.` took seconds, 50 kB of `xy.Zw` without a space 20 s)."""
    text = CountingText(unit * 2000)
    CountingText.copied = 0
    split_paragraph(text)
    assert CountingText.copied < 10 * len(text)


@pytest.mark.parametrize("number", ["²", "1" * 5000], ids=["superscript", "5000 digits"])
def test_a_number_after_a_month_that_int_cannot_read_splits_without_error(number: str) -> None:
    # `May ² C.` and a day of thousands of digits raised ValueError: the day was read with int()
    # wherever str.isdigit said digits (a superscript) and at any length
    text = f"On May {number} C. Roberts ruled."
    assert " ".join(pieces(text)) == text


@pytest.mark.parametrize(("paragraphs", "named"), [
    # a string is a sequence of strings: each character was read as a paragraph, silently
    ("The base was hit. Two died.", "not a str"),
    (b"The base was hit.", "not bytes"),
    # a paragraph that is no string failed deep in the splitter (`'NoneType' object has no
    # attribute 'lower'`, `cannot use a string pattern on a bytes-like object`)
    (["The base was hit.", None], "paragraph 1 is NoneType"),
    ([b"The base was hit."], "paragraph 0 is bytes"),
])
def test_split_sentences_takes_a_list_of_paragraphs_and_says_so(paragraphs: object,
                                                                named: str) -> None:
    with pytest.raises(TypeError, match="split_sentences takes a version's paragraphs") as raised:
        split_sentences(paragraphs)  # type: ignore[arg-type]
    assert named in str(raised.value)
    assert "[text]" in str(raised.value)
