"""The PDF's look: embedded fonts, colours, paragraph styles, and small text helpers."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph as _Paragraph

FONT_CANDIDATES = (
    (
        Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
        Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ),
)
ACCENT = colors.HexColor("#0b57d0")
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#4a4a4a")
LINE = colors.HexColor("#c8c8c8")
MARGIN = 18 * mm
BOTTOM_MARGIN = MARGIN + 4 * mm  # room for the page number
FRAME_PADDING = 6  # ReportLab's frames pad their four sides by 6 points
FRAME_WIDTH = A4[0] - 2 * MARGIN - 2 * FRAME_PADDING
FRAME_HEIGHT = A4[1] - MARGIN - BOTTOM_MARGIN - 2 * FRAME_PADDING


class Paragraph(_Paragraph):  # type: ignore[misc]
    """A paragraph that breaks its lines once per width: tables and KeepTogether ask for its
    size several times at the same width (the lines depend on the width alone)."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        known = self.__dict__
        if known.get("_wrapped_at") == availWidth and "blPara" in known:
            return self.width, self.height
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._wrapped_at = availWidth
        return size


class LinkedParagraph(Paragraph):
    """A paragraph that is a link as a whole: plain text (ReportLab breaks a paragraph of one
    run of text much faster than one with markup), the address printed once in it."""

    url = ""

    def draw(self) -> None:
        super().draw()
        if self.url:
            self.canv.linkURL(self.url, (0, 0, self.width, self.height), relative=1)

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts: list[Any] = super().split(availWidth, availHeight)
        for part in parts:
            part.url = self.url
        return parts


def register_fonts() -> tuple[str, str]:
    """DejaVu from Debian's fonts-dejavu-core, else the Vera fonts ReportLab ships."""
    if "AdvisorSans" in pdfmetrics.getRegisteredFontNames():
        return "AdvisorSans", "AdvisorSans-Bold"
    for regular, bold in FONT_CANDIDATES:
        if regular.is_file() and bold.is_file():
            break
    else:
        import reportlab

        fonts = Path(reportlab.__file__).parent / "fonts"
        regular, bold = fonts / "Vera.ttf", fonts / "VeraBd.ttf"
    pdfmetrics.registerFont(TTFont("AdvisorSans", str(regular)))
    pdfmetrics.registerFont(TTFont("AdvisorSans-Bold", str(bold)))
    pdfmetrics.registerFontFamily(
        "AdvisorSans",
        normal="AdvisorSans",
        bold="AdvisorSans-Bold",
        italic="AdvisorSans",
        boldItalic="AdvisorSans-Bold",
    )
    return "AdvisorSans", "AdvisorSans-Bold"


def plan_styles() -> dict[str, ParagraphStyle]:
    regular, bold = register_fonts()
    base = ParagraphStyle(
        "body",
        fontName=regular,
        fontSize=9.5,
        leading=13,
        textColor=INK,
        alignment=TA_LEFT,
        spaceAfter=4,
        # No squeezing of spaces to fit one more word on a line: ReportLab measures every
        # space of the line again for each word it tries, in every paragraph with markup.
        spaceShrinkage=0,
    )
    return {
        "body": base,
        # Addresses break at their slashes when they would run past the line, never mid-word.
        "small": ParagraphStyle(
            "small",
            parent=base,
            fontSize=8,
            leading=10.5,
            textColor=MUTED,
            splitLongWords=0,
            uriWasteReduce=0.3,
        ),
        # One idea a line on the summary's second page: a bold name, then what it says.
        "lead": ParagraphStyle(
            "lead",
            parent=base,
            fontSize=8.8,
            leading=11.5,
            spaceAfter=1.5,
            splitLongWords=0,
            uriWasteReduce=0.3,
        ),
        # The full plan's details, one idea a paragraph, set close together.
        "line": ParagraphStyle("line", parent=base, spaceAfter=1.5),
        "note": ParagraphStyle(
            "note",
            parent=base,
            fontSize=8,
            leading=10.5,
            textColor=MUTED,
            spaceAfter=0.5,
            splitLongWords=0,
            uriWasteReduce=0.3,
        ),
        "kicker": ParagraphStyle(
            "kicker", parent=base, fontName=bold, fontSize=10, leading=13, textColor=ACCENT
        ),
        # Table cells wrap between words only: a word is never cut across two lines.
        "cell": ParagraphStyle(
            "cell", parent=base, fontSize=8.5, leading=11, spaceAfter=0, splitLongWords=0
        ),
        "head": ParagraphStyle(
            "head", parent=base, fontName=bold, fontSize=8.5, leading=11, spaceAfter=0
        ),
        "title": ParagraphStyle(
            "title", parent=base, fontName=bold, fontSize=19, leading=23, spaceAfter=4
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=bold,
            fontSize=12.5,
            leading=16,
            spaceBefore=8,
            spaceAfter=4,
            textColor=ACCENT,
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=base,
            fontName=bold,
            fontSize=10.5,
            leading=13,
            spaceBefore=6,
            spaceAfter=2,
            keepWithNext=1,
        ),
        "big": ParagraphStyle("big", parent=base, fontName=bold, fontSize=15, leading=20),
    }


@functools.cache
def with_label(style: ParagraphStyle) -> ParagraphStyle:
    """`style` with room for a label in bold before its first line (a ReportLab bullet)."""
    return ParagraphStyle(
        f"{style.name}-labelled",
        parent=style,
        bulletFontName=register_fonts()[1],
        bulletFontSize=style.fontSize,
        bulletIndent=0,
        bulletColor=style.textColor,
    )


def labelled(label: str, text: str, style: ParagraphStyle) -> Paragraph:
    """ "Label: text", the label in bold, as one run of text after a label drawn apart: a
    paragraph of one run is broken into lines much faster than one with markup."""
    return Paragraph(escape(kept(text)), with_label(style), bulletText=kept(label))


def linked(text: str, url: str, style: ParagraphStyle, label: str | None = None) -> Paragraph:
    """`text` (its address in it) as a link to `url`, after a bold `label` if any."""
    chosen = with_label(style) if label else style
    paragraph = LinkedParagraph(
        escape(kept(text)), chosen, bulletText=kept(label) if label else None
    )
    paragraph.url = url
    return paragraph


def kept(text: str) -> str:
    """`text` with its narrow no-break spaces (French « ; ») made no-break spaces: ReportLab
    wraps lines at the narrow one, which would start a line with the punctuation."""
    return text.replace("\u202f", "\u00a0")


def para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(kept(text)), style)


def shortened(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
