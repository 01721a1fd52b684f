"""Draw the sample manuscript's images: the hostage chart and the cover.

Run from the repository root with the project's virtual environment:

    .venv/bin/python scripts/make_figures.py

It writes two PNG files and nothing else:

assets/figures/hostages.png (1600 x 900)
    A dated chart of the number of people held in the Japanese ambassador's
    residence in Lima, from the seizure on 17 December 1996 to the raid on
    22 April 1997. Only sourced counts are plotted (keys refer to section 4
    of /work/shared/FACTS.md):

    - about 600 on 17 December 1996, shown as approximate, with the range
      of contemporary estimates, 500 to 800 [A1, N21, N3];
    - 81 on 31 December 1996 [N4];
    - 72 by early February 1997 [N24], plotted at 6 February, the 51st day
      of the siege, the date of that report;
    - 72 until the raid of 22 April 1997 [N24, J1, N13];
    - 0 after the raid: 71 freed, 1 died [J1, N13].

    The releases in between (about 170 on the first night [N2], 225 on
    22 December [N4], then smaller groups [N4]) are named in a note but no
    day-by-day count is invented: the stretches between sourced points are
    drawn dashed.

assets/cover.png (1600 x 2400, 2:3 portrait)
    A dark cover with a motif of nested arches (the tunnels dug under the
    residence [N18, N10]) and the title, subtitle and publisher.

Only Pillow is used, with its built-in scalable font
(``ImageFont.load_default(size=N)``). That font has no accented letters or
en dash, so the images avoid accents and the en dash is drawn as a rule.
The output is deterministic: no timestamps or text chunks are written, so
two runs give byte-identical files.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
FIGURES = ROOT / "assets" / "figures"
COVER = ROOT / "assets" / "cover.png"

INK = (26, 26, 26)
MUTED = (100, 100, 100)
GRID = (225, 225, 225)
LINE = (31, 78, 121)
DASH = (120, 130, 140)
RAID = (176, 58, 46)
WHITE = (255, 255, 255)

EN_DASH = "\u2013"


def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def text_width(draw: ImageDraw.ImageDraw, text: str, size: int) -> float:
    """Width of text as drawn by draw_text (en dashes drawn as rules)."""
    total = 0.0
    parts = text.split(EN_DASH)
    for i, part in enumerate(parts):
        total += draw.textlength(part, font=font(size))
        if i < len(parts) - 1:
            total += dash_width(size)
    return total


def dash_width(size: int) -> float:
    return size * 0.62


def draw_text(
    draw: ImageDraw.ImageDraw,
    xy: tuple[float, float],
    text: str,
    size: int,
    fill: tuple[int, int, int],
    anchor: str = "l",
) -> None:
    """Draw one line of text; anchor is l, m or r (horizontal), top-aligned.

    The built-in font lacks an en dash, so each one is drawn as a short rule.
    """
    x, y = xy
    width = text_width(draw, text, size)
    if anchor == "m":
        x -= width / 2
    elif anchor == "r":
        x -= width
    f = font(size)
    parts = text.split(EN_DASH)
    for i, part in enumerate(parts):
        draw.text((x, y), part, font=f, fill=fill)
        x += draw.textlength(part, font=f)
        if i < len(parts) - 1:
            gap = size * 0.08
            mid = y + size * 0.55
            thick = max(2, round(size * 0.07))
            draw.rectangle(
                (x + gap, mid - thick / 2, x + dash_width(size) - gap, mid + thick / 2),
                fill=fill,
            )
            x += dash_width(size)


def dashed_line(
    draw: ImageDraw.ImageDraw,
    start: tuple[float, float],
    end: tuple[float, float],
    fill: tuple[int, int, int],
    width: int,
    dash: float = 16,
    gap: float = 10,
) -> None:
    (x0, y0), (x1, y1) = start, end
    length = ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5
    if length == 0:
        return
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    pos = 0.0
    while pos < length:
        stop = min(pos + dash, length)
        draw.line(
            (x0 + ux * pos, y0 + uy * pos, x0 + ux * stop, y0 + uy * stop),
            fill=fill,
            width=width,
        )
        pos = stop + gap


def dot(
    draw: ImageDraw.ImageDraw,
    centre: tuple[float, float],
    radius: float,
    fill: tuple[int, int, int] | None,
    outline: tuple[int, int, int],
) -> None:
    x, y = centre
    draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=fill, outline=outline, width=4)


def save_png(image: Image.Image, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # No pnginfo, no exif: Pillow then writes only IHDR, IDAT and IEND chunks.
    image.save(path, format="PNG", optimize=False, compress_level=9)


# --------------------------------------------------------------------------
# Hostage chart
# --------------------------------------------------------------------------

START = dt.date(1996, 12, 17)
RAID_DAY = dt.date(1997, 4, 22)
EARLY_FEB = dt.date(1997, 2, 6)
DOMAIN = (dt.date(1996, 12, 10), dt.date(1997, 5, 2))
Y_MAX = 800


def draw_hostage_chart(path: Path) -> None:
    width, height = 1600, 900
    left, right, top, bottom = 150, 60, 50, 190
    image = Image.new("RGB", (width, height), WHITE)
    draw = ImageDraw.Draw(image)

    plot_w = width - left - right
    plot_h = height - top - bottom
    span = (DOMAIN[1] - DOMAIN[0]).days

    def px(day: dt.date) -> float:
        return left + (day - DOMAIN[0]).days / span * plot_w

    def py(value: float) -> float:
        return top + plot_h - value / Y_MAX * plot_h

    # Grid and y axis labels.
    for value in range(0, Y_MAX + 1, 100):
        y = py(value)
        draw.line((left, y, width - right, y), fill=GRID if value else INK, width=2)
        draw_text(draw, (left - 16, y - 14), str(value), 26, INK, anchor="r")

    # Y axis title, rotated.
    label = "Hostages held in the residence"
    size = 28
    tmp = Image.new("RGB", (int(text_width(draw, label, size)) + 8, size + 12), WHITE)
    draw_text(ImageDraw.Draw(tmp), (4, 2), label, size, INK)
    rotated = tmp.rotate(90, expand=True)
    image.paste(rotated, (20, int(top + plot_h / 2 - rotated.height / 2)))

    # Month boundaries as light gridlines; month names centred in each month.
    base = py(0)
    boundaries = [dt.date(1997, m, 1) for m in (1, 2, 3, 4, 5)]
    for day in boundaries:
        x = px(day)
        draw.line((x, top, x, base), fill=GRID, width=1)
        draw.line((x, base + 50, x, base + 90), fill=GRID, width=2)
    months = [
        (DOMAIN[0], dt.date(1997, 1, 1), "Dec 1996"),
        (dt.date(1997, 1, 1), dt.date(1997, 2, 1), "Jan 1997"),
        (dt.date(1997, 2, 1), dt.date(1997, 3, 1), "Feb"),
        (dt.date(1997, 3, 1), dt.date(1997, 4, 1), "Mar"),
        (dt.date(1997, 4, 1), dt.date(1997, 5, 1), "Apr"),
    ]
    for first, after, text in months:
        draw_text(draw, ((px(first) + px(after)) / 2, base + 62), text, 24, MUTED, anchor="m")

    # Dated event labels, first row under the axis.
    events = [
        (START, "17 Dec 1996"),
        (dt.date(1996, 12, 31), "31 Dec"),
        (EARLY_FEB, "early Feb"),
        (RAID_DAY, "22 Apr 1997"),
    ]
    for day, text in events:
        x = px(day)
        draw.line((x, base, x, base + 14), fill=INK, width=3)
        draw_text(draw, (x, base + 18), text, 26, INK, anchor="m")
    draw_text(draw, (left + plot_w / 2, base + 116), "Date (December 1996 to April 1997)", 28, INK, anchor="m")

    # Raid marker.
    xr = px(RAID_DAY)
    dashed_line(draw, (xr, top), (xr, base), RAID, 3, dash=10, gap=8)
    draw_text(draw, (xr - 12, top + 4), "Raid, 22 Apr 1997", 26, RAID, anchor="r")

    # Range of estimates at the start (500 to 800), drawn as an error bar.
    x0 = px(START)
    draw.line((x0, py(500), x0, py(800)), fill=LINE, width=4)
    for v in (500, 800):
        draw.line((x0 - 14, py(v), x0 + 14, py(v)), fill=LINE, width=4)

    # Sourced points.
    p_start = (x0, py(600))
    p_31dec = (px(dt.date(1996, 12, 31)), py(81))
    p_feb = (px(EARLY_FEB), py(72))
    p_raid = (xr, py(72))
    p_zero = (xr, py(0))

    # Releases in stages: no daily counts, so dashed.
    dashed_line(draw, p_start, p_31dec, DASH, 4)
    dashed_line(draw, p_31dec, p_feb, DASH, 4)
    # 72 held from early February to the raid: a known, constant count.
    draw.line((*p_feb, *p_raid), fill=LINE, width=6)
    draw.line((*p_raid, *p_zero), fill=LINE, width=6)
    draw.line((*p_zero, px(DOMAIN[1]) - 4, p_zero[1]), fill=LINE, width=6)

    dot(draw, p_start, 11, WHITE, LINE)  # hollow: approximate
    for p in (p_31dec, p_feb, p_raid):
        dot(draw, p, 10, LINE, LINE)
    dot(draw, p_zero, 10, RAID, RAID)

    # Value labels.
    draw_text(draw, (x0 + 26, py(600) - 16), "about 600 at the start", 28, INK)
    draw_text(draw, (x0 + 26, py(800) - 14), "estimates range from 500 to 800", 24, MUTED)
    draw_text(draw, (p_31dec[0] + 14, p_31dec[1] - 52), "81", 30, INK)
    draw_text(draw, (p_feb[0] + 4, p_feb[1] - 48), "72", 30, INK)
    draw_text(draw, ((p_feb[0] + p_raid[0]) / 2, p_feb[1] - 44), "72 held until the raid", 28, INK, anchor="m")
    draw_text(draw, (xr - 14, py(0) - 40), "0 after the raid", 26, RAID, anchor="r")

    # Key, upper middle.
    kx, ky = px(dt.date(1997, 1, 20)), py(560)
    draw.line((kx, ky + 14, kx + 60, ky + 14), fill=LINE, width=6)
    draw_text(draw, (kx + 76, ky), "count known from sources", 24, INK)
    dashed_line(draw, (kx, ky + 58), (kx + 60, ky + 58), DASH, 4)
    draw_text(draw, (kx + 76, ky + 44), "releases in stages; no daily count plotted", 24, INK)
    dot(draw, (kx + 30, ky + 102), 10, WHITE, LINE)
    draw_text(draw, (kx + 76, ky + 88), "approximate figure", 24, INK)
    draw_text(
        draw,
        (kx, ky + 140),
        "Releases: about 170 on the first night; 225 on 22 Dec; smaller groups later.",
        24,
        MUTED,
    )

    save_png(image, path)


# --------------------------------------------------------------------------
# Cover
# --------------------------------------------------------------------------

BG = (16, 27, 45)
GOLD = (201, 162, 39)
PALE = (236, 232, 222)
SOFT = (150, 160, 178)


def arch(draw: ImageDraw.ImageDraw, cx: float, base: float, half: float, height: float, colour, width: int) -> None:
    """An arch outline: two uprights and a semicircular head."""
    radius = half
    spring = base - (height - radius)
    draw.line((cx - half, base, cx - half, spring), fill=colour, width=width)
    draw.line((cx + half, base, cx + half, spring), fill=colour, width=width)
    # Pillow strokes an arc inwards from its box: grow the box by half the
    # stroke so the arc meets the centred uprights without a step.
    r = radius + width / 2
    draw.arc((cx - r, spring - r, cx + r, spring + r), 180, 360, fill=colour, width=width)


def blend(a: tuple[int, int, int], b: tuple[int, int, int], t: float) -> tuple[int, int, int]:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))  # type: ignore[return-value]


def draw_cover(path: Path) -> None:
    width, height = 1600, 2400
    image = Image.new("RGB", (width, height), BG)
    draw = ImageDraw.Draw(image)
    margin = 140

    # Top rule and kicker.
    draw.rectangle((margin, 190, width - margin, 196), fill=GOLD)
    draw_text(draw, (margin, 230), "A SOURCED BRIEFING", 44, GOLD)

    # Title and subtitle.
    y = 420
    for line in ("The Lima", "Hostage Crisis,", "1996" + EN_DASH + "97"):
        draw_text(draw, (margin, y), line, 150, PALE)
        y += 175
    y += 50
    for line in (
        "The siege of the Japanese ambassador" + "\u2019" + "s",
        "residence and the raid that ended it,",
        "17 December 1996 to 22 April 1997",
    ):
        draw_text(draw, (margin, y), line, 52, SOFT)
        y += 70

    # Motif: nested arches, receding like a tunnel, over a ground line.
    cx, base = width / 2, 2050
    steps = 9
    for i in range(steps):
        t = i / (steps - 1)
        half = 560 - i * 58
        tall = 780 - i * 74
        colour = blend(GOLD, BG, 0.15 + 0.75 * t)
        arch(draw, cx, base, half, tall, colour, 6)
    draw.rectangle((margin, base, width - margin, base + 6), fill=GOLD)

    # Publisher line.
    draw_text(draw, (margin, 2180), "dossier project", 44, PALE)
    draw_text(draw, (width - margin, 2180), "For classroom use", 44, SOFT, anchor="r")

    save_png(image, path)


def main() -> None:
    draw_hostage_chart(FIGURES / "hostages.png")
    draw_cover(COVER)
    for p in (FIGURES / "hostages.png", COVER):
        print(p.relative_to(ROOT))


if __name__ == "__main__":
    main()
