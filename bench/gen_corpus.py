"""Generate a deterministic synthetic news corpus in the seeds' page format.

    python bench/gen_corpus.py --articles 100000 --out bench/corpus-100k [--seed 7]

Articles have 300-900 words drawn from a Zipf vocabulary (real function words first, then
~50,000 pronounceable made-up words), with people, places, organisations and outlets
mixed in, dated 2023-2025. Page shapes follow seeds/: `date YYYY-MM-DD Title` headers,
`Updated 03 August 2024` / `Follow` blocks with `(AP)` captions and `  • ` bullet
summaries, `By ...` bylines, `CITY: ...` datelines, outlet listings (`Arab News` /
`3 hours ago` / `- Arab News`), several stories on one page, `Related Articles` blocks.
The same seed and count always give byte-identical files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import time
from pathlib import Path

FUNCTION_WORDS = (
    "the of and to in a that is for on was with he it as said by at from his an be has have "
    "had were are which this but not they their its been who also after more will would one "
    "two new or about than all over into up out there when other some last year first people "
    "against government minister officials told since before while could should during between "
    "including country week day month under according police military security talks state "
    "president party city police forces court report million percent amid because"
).split()

FIRST = ("Ahmed Sara Imran Ishaq Maryam Ali Fatima Omar Layla Hassan Nadia Yusuf Amina Bilal "
         "Zainab Khalid Hina Tariq Rania Farid John Maria David Elena Peter Anna Marco Sofia "
         "Daniel Ingrid Kenji Mei Ravi Priya Olu Amara Diego Lucia Pavel Irina").split()
LAST = ("Khan Dar Sharif Qureshi Malik Hussain Rahman Siddiqui Chaudhry Baig Haddad Nasser "
        "Karimi Rostami Smith Garcia Rossi Novak Tanaka Chen Mehta Okafor Silva Ivanov Larsen "
        "Moreau Schmidt Kowalski Haidari Mansour").split()
PLACES = ("Islamabad Karachi Lahore Peshawar Quetta Tehran Isfahan Kabul Delhi Mumbai Dhaka "
          "Riyadh Jeddah Doha Dubai Cairo Amman Beirut Baghdad Ankara Istanbul Geneva Paris "
          "London Berlin Moscow Beijing Tokyo Washington Nairobi Lagos Gaza Jerusalem Damascus "
          "Multan Faisalabad Gwadar Herat Mashhad Muscat").split()
ORGS = ("United Nations", "World Bank", "International Monetary Fund", "Red Crescent",
        "National Assembly", "Supreme Court", "Election Commission", "State Bank",
        "Organization of Islamic Cooperation", "European Union", "African Union",
        "World Health Organization", "Central Bank", "Foreign Office", "Health Ministry")
OUTLETS = ("Arab News", "Dawn", "The Express Tribune", "Geo News", "IFP News", "Al Jazeera",
           "Reuters", "AP", "AFP", "The News", "Tehran Times", "Gulf News")
ROLES = ("Prime Minister", "Foreign Minister", "Interior Minister", "President", "spokesperson",
         "Finance Minister", "army chief", "governor", "mayor", "Chief Justice")

_ONSETS = ["b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z",
           "br", "ch", "cl", "dr", "fl", "gr", "kh", "pl", "pr", "sh", "st", "tr", "th"]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "io"]
_CODAS = ["", "", "", "", "n", "r", "s", "t", "l", "m", "nd", "st", "ng"]
_SUFFIXES = ["", "", "", "s", "ed", "ing", "er", "ion", "ly", "ment"]


def make_vocabulary(rng: random.Random, size: int) -> list[str]:
    """Function words, then made-up words (some with inflections, so stemming matters)."""
    words = list(dict.fromkeys(FUNCTION_WORDS))
    seen = set(words)
    while len(words) < size:
        n = rng.choice((1, 1, 2, 2, 2, 3))
        stem = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(n))
        word = stem + rng.choice(_SUFFIXES)
        if word not in seen and len(word) > 2:
            seen.add(word)
            words.append(word)
    return words


class Generator:
    def __init__(self, seed: int, vocab_size: int = 50_000) -> None:
        self.seed = seed
        rng = random.Random(seed)
        self.vocab = make_vocabulary(rng, vocab_size)
        # Zipf(s=1.07) cumulative weights for random.choices.
        self.cum = list(itertools.accumulate(1.0 / (r ** 1.07) for r in range(1, vocab_size + 1)))
        self.people = [f"{first} {last}" for first in FIRST for last in LAST]

    def sentence(self, rng: random.Random, n: int) -> str:
        words = rng.choices(self.vocab, cum_weights=self.cum, k=n)
        r = rng.random()
        if r < 0.25:
            words.insert(rng.randrange(len(words)), rng.choice(PLACES))
        elif r < 0.40:
            words.insert(rng.randrange(len(words)), rng.choice(self.people))
        elif r < 0.48:
            words.insert(rng.randrange(len(words)), f"{rng.choice(ROLES)} {rng.choice(self.people)}")
        elif r < 0.55:
            words.insert(rng.randrange(len(words)), f"the {rng.choice(ORGS)}")
        if rng.random() < 0.1:
            words.insert(rng.randrange(len(words)), str(rng.randint(2, 5000)))
        text = " ".join(words)
        if rng.random() < 0.12:
            text = f"\u201c{text[0].upper()}{text[1:]},\u201d {rng.choice(self.people)} said"
        return text[0].upper() + text[1:] + "."

    def story(self, rng: random.Random) -> dict:
        words = rng.randint(300, 900)
        paragraphs, total = [], 0
        while total < words:
            n_sent = rng.randint(1, 4)
            sents = []
            for _ in range(n_sent):
                k = rng.randint(8, 28)
                total += k
                sents.append(self.sentence(rng, k))
            paragraphs.append(" ".join(sents))
        title_words = rng.choices(self.vocab, cum_weights=self.cum, k=rng.randint(5, 12))
        title_words.insert(rng.randrange(len(title_words)), rng.choice(PLACES + [p.split()[1] for p in self.people[:40]]))
        title = " ".join(title_words)
        title = title[0].upper() + title[1:]
        date = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(1000))
        return {"title": title, "date": date, "paragraphs": paragraphs,
                "byline": rng.choice(self.people) if rng.random() < 0.4 else None,
                "dateline": rng.choice(PLACES).upper() if rng.random() < 0.6 else None,
                "outlet": rng.choice(OUTLETS)}

    def render_header_story(self, s: dict) -> str:
        """The ` date 2025-06-14 Title` shape (seeds 000, 002)."""
        out = [f" date {s['date'].isoformat()} {s['title']}", ""]
        if s["byline"]:
            out += [f"By {s['byline']}", ""]
        paras = list(s["paragraphs"])
        if s["dateline"]:
            paras[0] = f"{s['dateline']}: {paras[0]}"
        for p in paras:
            out += [p, ""]
        return "\n".join(out)

    def render_updated_story(self, s: dict, rng: random.Random) -> str:
        """The `Updated 03 August 2024` / `Follow` shape with a caption and bullets (seed 003)."""
        caption = self.sentence(rng, rng.randint(10, 20))[:-1] + ". (AP)"
        out = [s["title"], "", caption, "Short Url", f"Updated {s['date'].strftime('%d %B %Y')}", "Follow", "",
               s["title"], ""]
        for _ in range(rng.randint(1, 3)):
            out.append(f"  \u2022 {self.sentence(rng, rng.randint(12, 24))[:-1]}")
        out.append("")
        paras = list(s["paragraphs"])
        if s["dateline"]:
            paras[0] = f"{s['dateline']}: {paras[0]}"
        out += paras  # one line each, no blank lines (seed 003 style)
        out.append("")
        return "\n".join(out)

    def render_listing(self, stories: list[dict], rng: random.Random) -> str:
        """An outlet listing: outlet, age, `- outlet`, title, body in one line (seed 004)."""
        out = []
        for s in stories:
            out += ["", "", s["outlet"], f"{rng.randint(1, 23)} hours ago", f"- {s['outlet']}", s["title"],
                    " ".join(s["paragraphs"]), ""]
        return "\n".join(out)

    def page(self, index: int, budget: int) -> tuple[str, int]:
        """Page `index` with up to `budget` stories; returns (text, stories used)."""
        rng = random.Random(self.seed * 1_000_003 + index)
        r = rng.random()
        n = 1 if r < 0.75 else (2 if r < 0.93 else 3)
        n = min(n, budget)
        stories = [self.story(rng) for _ in range(n)]
        shape = rng.random()
        if n > 1 and shape < 0.5:
            text = self.render_listing(stories, rng)
        elif shape < 0.7 and n == 1:
            text = self.render_updated_story(stories[0], rng)
        else:
            text = "\n\n".join(self.render_header_story(s) for s in stories)
        if rng.random() < 0.15:
            related = [self.story(rng)["title"] for _ in range(rng.randint(2, 4))]
            text += "\n\nRelated Articles\n\n" + "\n".join(related) + "\n"
        return text, n


def generate(out: Path, articles: int, seed: int) -> tuple[int, int]:
    gen = Generator(seed)
    out.mkdir(parents=True, exist_ok=True)
    done = pages = 0
    while done < articles:
        text, n = gen.page(pages, articles - done)
        folder = out / f"{pages // 1000:03d}"
        if pages % 1000 == 0:
            folder.mkdir(exist_ok=True)
        (folder / f"page-{pages:06d}.txt").write_text(text, encoding="utf-8")
        done += n
        pages += 1
    return pages, done


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    t = time.perf_counter()
    pages, stories = generate(args.out, args.articles, args.seed)
    print(f"{stories} stories on {pages} pages in {args.out} ({time.perf_counter() - t:.1f} s)")


if __name__ == "__main__":
    main()
