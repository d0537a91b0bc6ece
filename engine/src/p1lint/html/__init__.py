"""HTML pages that open anywhere: one self-contained file (inline CSS, inline SVG, a small inline
script; no network, no CDN), rendered from the Jinja2 templates beside this package with
autoescaping on. Every report in HTML renders through `render_page`; the pieces reports share
(the page layout, totals by severity, bar charts, finding cards, code frames, the filter bar)
are macros in `templates/parts.html.j2`. Jinja2 is imported only when a page is rendered."""
