/* The dashboard's month chart (issue 14, item 5).
 *
 * Chart.js draws the figures the page embeds as JSON (#lt-activity-chart-data), which the server
 * reads off the same rows as the month table below the chart. Months are rows (horizontal bars)
 * on a phone, so their labels never collide; columns on a wider screen. The legend is the HTML
 * list beside the chart; each of its buttons hides or shows one kind. Without this script the
 * chart stays hidden and the table carries the figures.
 */
(function () {
  "use strict";

  const PHONE = window.matchMedia("(max-width: 575.98px)");
  const REDUCED_MOTION = window.matchMedia("(prefers-reduced-motion: reduce)");
  const LOCALE = "vi-VN"; // as the vnnumber filter: 1.234
  const number = new Intl.NumberFormat(LOCALE);
  const ROW_HEIGHT = 30; // px per month when months are rows

  function datasets(data) {
    return data.series.map((s) => ({
      label: s.label,
      data: s.values,
      backgroundColor: s.colour,
      borderColor: "#ffffff",
      borderWidth: 1,
      maxBarThickness: 44,
    }));
  }

  function options(data, phone) {
    const counts = {
      stacked: true,
      beginAtZero: true,
      ticks: { precision: 0 },
      grid: { color: "#e1e4e8" },
    };
    const months = {
      stacked: true,
      grid: { display: false },
      ticks: { autoSkip: !phone, maxRotation: 0 },
    };
    return {
      indexAxis: phone ? "y" : "x",
      responsive: true,
      maintainAspectRatio: false,
      locale: LOCALE,
      animation: REDUCED_MOTION.matches ? false : { duration: 300 },
      interaction: { mode: "index", intersect: false },
      plugins: {
        legend: { display: false },
        tooltip: {
          filter: (item) => item.raw > 0,
          callbacks: {
            title: (items) => data.titles[items[0].dataIndex],
            footer: (items) =>
              `${data.totalLabel}: ${number.format(data.totals[items[0].dataIndex])}`,
          },
        },
      },
      scales: phone ? { x: counts, y: months } : { x: months, y: counts },
    };
  }

  function draw(canvas, data, hidden) {
    const phone = PHONE.matches;
    const box = canvas.parentElement;
    box.style.height = phone ? `${data.labels.length * ROW_HEIGHT + 48}px` : "";
    const chart = new window.Chart(canvas, {
      type: "bar",
      data: { labels: data.labels, datasets: datasets(data) },
      options: options(data, phone),
    });
    hidden.forEach((index) => chart.setDatasetVisibility(index, false));
    chart.update("none");
    return chart;
  }

  function wireLegend(figure, data, hidden, current) {
    figure.querySelectorAll(".lt-legend-item").forEach((button) => {
      const index = Number(button.dataset.series);
      const swatch = button.querySelector(".lt-swatch");
      swatch.style.backgroundColor = data.series[index].colour;
      swatch.style.borderColor = data.series[index].colour;
      button.addEventListener("click", () => {
        const chart = current();
        const visible = !chart.isDatasetVisible(index);
        chart.setDatasetVisibility(index, visible);
        chart.update();
        button.setAttribute("aria-pressed", String(visible));
        if (visible) hidden.delete(index);
        else hidden.add(index);
      });
    });
  }

  function wireScrollHint() {
    const hint = document.querySelector("[data-testid=scroll-hint]");
    const wrapper = document.querySelector(".lt-month-table");
    if (!hint || !wrapper) return;
    const update = () => {
      hint.hidden = wrapper.scrollWidth <= wrapper.clientWidth;
    };
    update();
    window.addEventListener("resize", update);
  }

  function init() {
    wireScrollHint();
    const source = document.getElementById("lt-activity-chart-data");
    const canvas = document.getElementById("lt-activity-chart");
    if (!source || !canvas || typeof window.Chart !== "function") return;
    const data = JSON.parse(source.textContent);
    const figure = canvas.closest("figure");
    const font = window.Chart.defaults.font;
    font.family = getComputedStyle(document.body).fontFamily;
    font.size = 13;
    window.Chart.defaults.color = "#1d2329";
    const hidden = new Set();
    figure.hidden = false;
    let chart = draw(canvas, data, hidden);
    wireLegend(figure, data, hidden, () => chart);
    PHONE.addEventListener("change", () => {
      chart.destroy();
      chart = draw(canvas, data, hidden);
    });
  }

  init();
})();
