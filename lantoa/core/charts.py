"""The documents' printed charts, drawn by matplotlib as PNG (DESIGN.md, "charts").

Text is set in DejaVu Sans (matplotlib ships it), so diacritics look the same on every machine.
The dashboard draws its chart in the browser with Chart.js instead (issue 14, item 5).
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

PALETTE = ["#1f5fa8", "#d9822b", "#3a9a5b", "#b83b5e", "#7b5ea7", "#8c6d31", "#2a9d8f", "#6c757d"]


@functools.cache
def _figure_class() -> type[Figure]:
    """matplotlib loads with the first chart drawn, not with every command (issue 11, item 7)."""
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams.update({"font.family": "DejaVu Sans"})
    from matplotlib.figure import Figure

    return Figure


@dataclass(frozen=True)
class BarChart:
    """Stacked bars: one bar per category (a month), one colour per series (a kind)."""

    title: str
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[int, ...]], ...]
    horizontal: bool = False  # long category names (kinds of activity) read better across

    def figure(self, width: float = 7.5, height: float = 3.2) -> Figure:
        fig = _figure_class()(figsize=(width, height), layout="constrained")
        ax = fig.subplots()
        positions = list(range(len(self.categories)))
        bottoms = [0] * len(self.categories)
        for index, (label, values) in enumerate(self.series):
            draw = ax.barh if self.horizontal else ax.bar
            draw(
                positions,
                values,
                0.7,
                bottoms,
                label=label,
                color=PALETTE[index % len(PALETTE)],
            )
            bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
        if self.horizontal:
            ax.set_yticks(positions, self.categories)
            ax.invert_yaxis()
            cast("MaxNLocator", ax.xaxis.get_major_locator()).set_params(integer=True)
        else:
            ax.set_xticks(positions, self.categories)
            cast("MaxNLocator", ax.yaxis.get_major_locator()).set_params(integer=True)
        ax.set_title(self.title, fontsize=11, loc="left")
        ax.spines[["top", "right"]].set_visible(False)
        ax.tick_params(labelsize=8)
        if len(self.series) > 1:
            ax.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        return fig

    def png(self, dpi: int = 200) -> bytes:
        buffer = io.BytesIO()
        self.figure().savefig(buffer, format="png", dpi=dpi)
        return buffer.getvalue()
