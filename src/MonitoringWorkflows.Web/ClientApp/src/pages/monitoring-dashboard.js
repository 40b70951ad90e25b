// The dashboard's chart of new cases and closures per month (chart.js), drawn from GET /api/monitoring/dashboard.
// The same figures stand in the table under the chart, which is what screen readers and printouts use; a click on a
// bar opens the month's case list, as the table's links do.
import Chart from 'chart.js/auto';
import './monitoring-dashboard.css';

const canvas = document.getElementById('months-chart');

async function draw() {
  const response = await fetch(canvas.dataset.api, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) throw new Error(`GET ${canvas.dataset.api}: ${response.status}`);
  const data = await response.json();
  const months = data.months;
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: months.map((m) => m.month),
      datasets: [
        { label: canvas.dataset.opened, data: months.map((m) => m.opened.count), backgroundColor: '#2f6db5' },
        { label: canvas.dataset.closed, data: months.map((m) => m.closed.count), backgroundColor: '#7aa95c' },
      ],
    },
    options: {
      maintainAspectRatio: false,
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      onClick: (_event, elements) => {
        const [hit] = elements;
        if (!hit) return;
        const month = months[hit.index];
        window.location.href = hit.datasetIndex === 0 ? month.opened.href : month.closed.href;
      },
    },
  });
  canvas.dataset.ready = 'true';
  return chart;
}

if (canvas) {
  draw().catch((error) => {
    console.error(error);
    canvas.dataset.ready = 'failed';
  });
}
