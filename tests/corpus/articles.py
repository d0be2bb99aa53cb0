"""Short invented articles about one story, published on different days.

The Arlandia–Borvania summit on the Tessel dam: announced for 12 March (day-first numbers),
postponed to 14 March (month-first numbers), held on 14 March, and reported by one outlet as
held on 13 March (a contradiction). A footballer in a fifth article shares the Arlandian
leader's surname; the later articles call her "Voss" only.
"""

from __future__ import annotations

# (doc id, publication date, date order, text)
ARTICLES: list[tuple[str, str, str, str]] = [
    ("announced", "2025-03-03", "DMY",
     "Arlandian Prime Minister Mara Voss will meet Borvanian President Ivo Petrak at a "
     "summit in Geneva on 12/3, officials said on Monday. Voss said the talks would settle "
     "the dispute over the Tessel dam."),
    ("postponed", "2025-03-07", "MDY",
     "The summit between Mara Voss and Ivo Petrak has been postponed to 3/14, the "
     "Borvanian foreign ministry said on Friday. Petrak gave no reason for the delay."),
    ("football", "2025-03-09", "DMY",
     "Striker Henrik Voss scored twice for Lanford on Saturday. Voss has now scored nine "
     "goals this season."),
    ("held", "2025-03-15", "DMY",
     "Voss and Petrak held the summit in Geneva on 14 March and signed a deal on the "
     "Tessel dam. Petrak called the talks frank."),
    ("contradiction", "2025-03-16", "DMY",
     "The summit between Voss and Petrak took place on 13 March, Borvanian state media "
     "reported on Sunday."),
]
