"""The words of a date or a time of day the engine reads: months, weekdays and time zones."""

from __future__ import annotations

from revdiff.engine.word_sets import word_set

# Time zones' abbreviations (`ET`, `GMT`).
TIME_ZONES = word_set(
    "et est edt ct cst cdt mt mst mdt pt pst pdt akst akdt hst gmt utc bst cet cest eet eest ist "
    "jst kst aest aedt"
)
# English months' names in the calendar's order (January first), and their abbreviations
# (`Sept.`, `Jan`).
MONTHS_IN_ORDER = ("january", "february", "march", "april", "may", "june", "july", "august",
                   "september", "october", "november", "december")
MONTH_NAMES = frozenset(MONTHS_IN_ORDER)
MONTH_ABBREVIATIONS = word_set("jan feb mar apr jun jul aug sep sept oct nov dec")
MONTHS = MONTH_NAMES | MONTH_ABBREVIATIONS
# The days of the week's names, and their abbreviations (`Tues.`, `Thurs`).
WEEKDAYS = word_set("monday tuesday wednesday thursday friday saturday sunday")
WEEKDAY_ABBREVIATIONS = word_set("mon tue tues wed thu thur thurs fri sat sun")
# Capitalised words that continue a sentence after a time's `a.m.` or `p.m.`: a day, a month or a
# time zone (`at 5 p.m. Monday`, `10:30 a.m. ET`); any other opens one (`at 5 p.m. Mayor Adams left`).
AFTER_CLOCK_TIME = TIME_ZONES | MONTHS | WEEKDAYS | WEEKDAY_ABBREVIATIONS | word_set(
    "eastern central mountain pacific")
