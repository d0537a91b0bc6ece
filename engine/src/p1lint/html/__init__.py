"""HTML pages that open anywhere: one self-contained file (inline CSS, inline SVG, a small inline
script; no network, no CDN), rendered from the Jinja2 templates beside this package with
autoescaping on. Every report in HTML renders through `page.render_page`; the pieces reports
share (totals by severity, bar charts from `charts.bar_chart`, the filter bar, rule links,
finding cards, code frames from `codeframes.FrameSource`) are macros in
`templates/parts.html.j2`. A new page is a template that extends `base.html.j2` (its `header`
and `content` blocks; `title` and `version` given to `render_page`) and imports the parts; the
filter bar's script filters every element marked `data-filterable` by its `data-severity` and
`data-application`. Jinja2 is imported only when a page is rendered."""
