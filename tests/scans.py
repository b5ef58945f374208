"""Scans made by the tests: Thai text drawn with Debian's Thai fonts (fonts-thai-tlwg), then
degraded like a real office scan (rotation, blur, JPEG noise, a stamp and a signature), and
wrapped into image-only PDFs. Used by the OCR tests and bench/ocr_bench.py.
"""

from __future__ import annotations

import io
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from oit_checker.demo.files import make_pdf

FONT_DIRS = ("/usr/share/fonts/truetype/tlwg", "/usr/share/fonts/opentype/tlwg")
A4_200DPI = (1654, 2339)


def font_path(name: str = "Garuda") -> str | None:
    for d in FONT_DIRS:
        for ext in (".ttf", ".otf"):
            p = Path(d) / f"{name}{ext}"
            if p.exists():
                return str(p)
    return None


def page(
    lines: list[str],
    *,
    size: int = 40,
    rotate: float = 0.0,
    blur: float = 0.0,
    stamp: bool = False,
    seed: int = 0,
) -> Image.Image:
    """One A4 page at 200 dpi with ``lines`` of Thai text."""
    path = font_path()
    if path is None:
        raise RuntimeError("fonts-thai-tlwg is not installed")
    font = ImageFont.truetype(path, size)
    img = Image.new("L", A4_200DPI, 255)
    draw = ImageDraw.Draw(img)
    y = 220
    for line in lines:
        draw.text((160, y), line, font=font, fill=0)
        y += int(size * 2.2)
    if stamp:  # a round stamp over the signature, and a scribbled signature
        cx, cy = 1150, y + 120
        draw.ellipse((cx - 150, cy - 150, cx + 150, cy + 150), outline=110, width=8)
        rnd = random.Random(seed)
        pts = [(900 + i * 12, y + 60 + rnd.randint(-25, 25)) for i in range(30)]
        draw.line(pts, fill=60, width=4)
    if rotate:
        img = img.rotate(rotate, fillcolor=255, resample=Image.BICUBIC)
    if blur:
        img = img.filter(ImageFilter.GaussianBlur(blur))
    return img


def jpeg(img: Image.Image, quality: int = 60) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def png(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def image_pdf(pages: list[Image.Image], quality: int = 60) -> bytes:
    """An image-only PDF (no text layer): each page one grey JPEG, as a scanner writes."""
    return make_pdf([], scans=[jpeg(img, quality) for img in pages])


AGENCY = "องค์การบริหารส่วนตำบลตัวอย่าง"


def no_gift_lines(
    *, year_be: int = 2568, agency: str = AGENCY, activity: bool = True, thai_digits: bool = False
) -> list[str]:
    """A No Gift Policy announcement (O21 of ITA 2568) as an agency signs it."""
    year = str(year_be)
    if thai_digits:
        year = year.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    lines = [
        f"ประกาศ{agency}",
        "เรื่อง ประกาศเจตนารมณ์ นโยบายไม่รับของขวัญ (No Gift Policy)",
        f"ประจำปีงบประมาณ พ.ศ. {year}",
        "ผู้บริหารและบุคลากรทุกคนจะไม่รับของขวัญและของกำนัลทุกชนิด",
    ]
    if activity:
        lines.append("และจัดกิจกรรมสร้างวัฒนธรรมองค์กรให้ต่อต้านการทุจริต")
    lines += [f"ประกาศ ณ วันที่ 15 ตุลาคม {year_be - 1}", f"นายก{agency}"]
    return lines


def org_chart() -> Image.Image:
    """An org chart drawn as a picture: boxes with the executives' titles (O1)."""
    path = font_path()
    assert path is not None
    font = ImageFont.truetype(path, 34)
    img = Image.new("L", (1600, 1000), 255)
    d = ImageDraw.Draw(img)
    boxes = [
        ((600, 60), "นายกองค์การบริหารส่วนตำบล"),
        ((600, 300), "ปลัดองค์การบริหารส่วนตำบล"),
        ((80, 600), "สำนักปลัด"),
        ((600, 600), "กองคลัง"),
        ((1100, 600), "กองช่าง"),
    ]
    for (x, y), label in boxes:
        d.rectangle((x, y, x + 460, y + 110), outline=0, width=4)
        d.text((x + 20, y + 30), label, font=font, fill=0)
    d.text((80, 880), "แผนผังโครงสร้างอำนาจหน้าที่ องค์การบริหารส่วนตำบลตัวอย่าง", font=font, fill=0)
    return img
