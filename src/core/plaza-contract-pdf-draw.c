/* plaza-contract-pdf-draw.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lays a PlazaPdfSummary out on A4 pages with PangoCairo: letterhead, title,
 * labelled fields, tables that break across pages (repeating their header),
 * signature lines, and a footer with the page number on every page.
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <pango/pangocairo.h>

#include "plaza-pdf.h"
#include "plaza-contract-pdf-private.h"

#define PAGE_WIDTH     595.2756
#define PAGE_HEIGHT    841.8898
#define MARGIN_X       50.0
#define MARGIN_TOP     50.0
#define CONTENT_BOTTOM (PAGE_HEIGHT - 60.0)
#define CONTENT_WIDTH  (PAGE_WIDTH - 2 * MARGIN_X)
#define BODY_SIZE      9.5
#define TABLE_SIZE     8.0
#define LABEL_WIDTH    96.0
#define CELL_PAD_X     3.0
#define CELL_PAD_Y     3.0

typedef struct
{
  cairo_t               *cr;
  PangoLayout           *layout;
  const PlazaPdfSummary *s;
  double                 y;
  guint                  page;
  guint                  n_pages;
} Page;

typedef struct
{
  const char     *title;
  double          share;   /* of CONTENT_WIDTH */
  PangoAlignment  align;
} Column;

static void
set_grey (Page   *p,
          double  level)
{
  cairo_set_source_rgb (p->cr, level, level, level);
}

/* Lays @text out in @width (no wrapping when @width <= 0) and, when @draw,
 * shows it at @x, @y. Returns its height. */
static double
text (Page           *p,
      double          x,
      double          y,
      double          width,
      const char     *str,
      double          size,
      gboolean        bold,
      PangoAlignment  align,
      gboolean        draw)
{
  return plaza_pdf_text (p->cr, p->layout, x, y, width, str, size, bold, align, FALSE, draw);
}

static void
hline (Page   *p,
       double  x0,
       double  x1,
       double  y,
       double  width)
{
  plaza_pdf_hline (p->cr, x0, x1, y, width);
}

static void
footer (Page *p)
{
  g_autofree char *left = g_strdup_printf ("%s · %s %s", p->s->mall_name, p->s->title, p->s->code);
  g_autofree char *right = p->n_pages > 0
                           ? g_strdup_printf ("第 %u 页 / 共 %u 页", p->page, p->n_pages)
                           : g_strdup_printf ("第 %u 页", p->page);
  double y = PAGE_HEIGHT - 44.0;

  set_grey (p, 0.6);
  hline (p, MARGIN_X, PAGE_WIDTH - MARGIN_X, y - 4.0, 0.5);
  set_grey (p, 0.4);
  text (p, MARGIN_X, y, CONTENT_WIDTH * 0.7, left, 7.5, FALSE, PANGO_ALIGN_LEFT, TRUE);
  text (p, MARGIN_X, y, CONTENT_WIDTH, right, 7.5, FALSE, PANGO_ALIGN_RIGHT, TRUE);
  set_grey (p, 0.0);
}

static void
page_break (Page *p)
{
  g_autofree char *running = NULL;

  footer (p);
  cairo_show_page (p->cr);
  p->page++;
  p->y = MARGIN_TOP;

  running = g_strdup_printf ("%s　%s（续）", p->s->title, p->s->code);
  set_grey (p, 0.4);
  p->y += text (p, MARGIN_X, p->y, CONTENT_WIDTH, running, 8.0, FALSE, PANGO_ALIGN_LEFT, TRUE) + 4.0;
  set_grey (p, 0.6);
  hline (p, MARGIN_X, PAGE_WIDTH - MARGIN_X, p->y, 0.5);
  set_grey (p, 0.0);
  p->y += 10.0;
}

/* Room for @height more, or a new page. */
static void
need (Page   *p,
      double  height)
{
  if (p->y + height > CONTENT_BOTTOM)
    page_break (p);
}

static void
letterhead (Page *p)
{
  const PlazaPdfSummary *s = p->s;
  g_autofree char *line = NULL;
  g_autofree char *sub = NULL;

  p->y += text (p, MARGIN_X, p->y, CONTENT_WIDTH, s->mall_name, 18.0, TRUE, PANGO_ALIGN_CENTER, TRUE) + 2.0;
  if (*s->mall_address != '\0')
    line = g_strdup_printf ("%s　　%s", s->mall_company, s->mall_address);
  else
    line = g_strdup (s->mall_company);
  set_grey (p, 0.35);
  p->y += text (p, MARGIN_X, p->y, CONTENT_WIDTH, line, 8.5, FALSE, PANGO_ALIGN_CENTER, TRUE) + 5.0;
  set_grey (p, 0.0);
  hline (p, MARGIN_X, PAGE_WIDTH - MARGIN_X, p->y, 1.6);
  hline (p, MARGIN_X, PAGE_WIDTH - MARGIN_X, p->y + 2.8, 0.5);
  p->y += 18.0;

  p->y += text (p, MARGIN_X, p->y, CONTENT_WIDTH, s->title, 17.0, TRUE, PANGO_ALIGN_CENTER, TRUE) + 4.0;
  sub = g_strdup_printf ("合同编号：%s　　　合同状态：%s", s->code, s->state);
  p->y += text (p, MARGIN_X, p->y, CONTENT_WIDTH, sub, BODY_SIZE, FALSE, PANGO_ALIGN_CENTER, TRUE) + 10.0;
}

/* A heading, kept with the first @following points of what it heads. */
static void
section (Page       *p,
         const char *title,
         double      following)
{
  double h;

  need (p, 30.0 + MAX (following, 30.0));
  p->y += 6.0;
  h = text (p, 0, 0, CONTENT_WIDTH, title, 11.0, TRUE, PANGO_ALIGN_LEFT, FALSE);
  cairo_set_source_rgb (p->cr, 0.80, 0.16, 0.14);
  cairo_rectangle (p->cr, MARGIN_X, p->y + 2.0, 3.0, h - 4.0);
  cairo_fill (p->cr);
  set_grey (p, 0.0);
  text (p, MARGIN_X + 8.0, p->y, CONTENT_WIDTH - 8.0, title, 11.0, TRUE, PANGO_ALIGN_LEFT, TRUE);
  p->y += h + 5.0;
}

/* Label, value pairs, one a line; values wrap beside their label. */
static void
fields (Page            *p,
        const GPtrArray *pairs)
{
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    {
      const char *label = g_ptr_array_index (pairs, i);
      const char *value = g_ptr_array_index (pairs, i + 1);
      double x = MARGIN_X + 8.0;
      double vw = CONTENT_WIDTH - 8.0 - LABEL_WIDTH;
      double h = text (p, 0, 0, vw, value, BODY_SIZE, FALSE, PANGO_ALIGN_LEFT, FALSE);

      need (p, h + 4.0);
      set_grey (p, 0.35);
      text (p, x, p->y, LABEL_WIDTH - 6.0, label, BODY_SIZE, FALSE, PANGO_ALIGN_LEFT, TRUE);
      set_grey (p, 0.0);
      text (p, x + LABEL_WIDTH, p->y, vw, value, BODY_SIZE, FALSE, PANGO_ALIGN_LEFT, TRUE);
      p->y += h + 4.0;
    }
  p->y += 4.0;
}

static double
row_height (Page          *p,
            const Column  *cols,
            guint          n_cols,
            const char   **cells,
            gboolean       bold)
{
  double height = 0.0;

  for (guint c = 0; c < n_cols; c++)
    {
      double w = cols[c].share * CONTENT_WIDTH - 2 * CELL_PAD_X;

      height = MAX (height, text (p, 0, 0, w, cells[c], TABLE_SIZE, bold, cols[c].align, FALSE));
    }
  return height + 2 * CELL_PAD_Y;
}

static void
draw_row (Page          *p,
          const Column  *cols,
          guint          n_cols,
          const char   **cells,
          gboolean       bold,
          double         fill)
{
  double height = row_height (p, cols, n_cols, cells, bold);
  double x = MARGIN_X;

  if (fill < 1.0)
    {
      set_grey (p, fill);
      cairo_rectangle (p->cr, MARGIN_X, p->y, CONTENT_WIDTH, height);
      cairo_fill (p->cr);
    }
  set_grey (p, 0.0);
  for (guint c = 0; c < n_cols; c++)
    {
      double w = cols[c].share * CONTENT_WIDTH;

      text (p, x + CELL_PAD_X, p->y + CELL_PAD_Y, w - 2 * CELL_PAD_X, cells[c], TABLE_SIZE, bold,
            cols[c].align, TRUE);
      x += w;
    }
  set_grey (p, 0.75);
  hline (p, MARGIN_X, PAGE_WIDTH - MARGIN_X, p->y + height, 0.4);
  set_grey (p, 0.0);
  p->y += height;
}

static void
table_header (Page         *p,
              const Column *cols,
              guint         n_cols)
{
  const char *titles[16];

  g_assert (n_cols <= G_N_ELEMENTS (titles));
  for (guint c = 0; c < n_cols; c++)
    titles[c] = cols[c].title;
  set_grey (p, 0.2);
  hline (p, MARGIN_X, PAGE_WIDTH - MARGIN_X, p->y, 0.8);
  draw_row (p, cols, n_cols, titles, TRUE, 0.92);
}

/* The height a table needs before it may start: all of it when it fits
 * on one page (short tables are not split), else its header and first
 * row (it then breaks as it goes). */
static double
table_keep (Page            *p,
            const Column    *cols,
            guint            n_cols,
            const GPtrArray *rows)
{
  const char *titles[16];
  double header, whole;

  g_assert (n_cols <= G_N_ELEMENTS (titles));
  for (guint c = 0; c < n_cols; c++)
    titles[c] = cols[c].title;
  header = row_height (p, cols, n_cols, titles, TRUE);
  whole = header;
  for (guint r = 0; r < rows->len; r++)
    whole += row_height (p, cols, n_cols, g_ptr_array_index (rows, r), FALSE);
  if (whole <= CONTENT_BOTTOM - MARGIN_TOP - 40.0)
    return whole;
  return header + (rows->len > 0 ? row_height (p, cols, n_cols, g_ptr_array_index (rows, 0), FALSE) : 0.0);
}

/* @rows are GStrv of n_cols cells; with @total_row the last one is a
 * bold total. The header repeats on every page the table reaches. */
static void
table (Page            *p,
       const Column    *cols,
       guint            n_cols,
       const GPtrArray *rows,
       gboolean         total_row)
{
  need (p, table_keep (p, cols, n_cols, rows));
  table_header (p, cols, n_cols);
  for (guint r = 0; r < rows->len; r++)
    {
      const char **cells = g_ptr_array_index (rows, r);
      gboolean bold = total_row && r + 1 == rows->len;
      double h = row_height (p, cols, n_cols, cells, bold);

      if (p->y + h > CONTENT_BOTTOM)
        {
          page_break (p);
          table_header (p, cols, n_cols);
        }
      draw_row (p, cols, n_cols, cells, bold, bold ? 0.96 : 1.0);
    }
  set_grey (p, 0.2);
  hline (p, MARGIN_X, PAGE_WIDTH - MARGIN_X, p->y, 0.8);
  set_grey (p, 0.0);
  p->y += 4.0;
}

static void
note (Page       *p,
      const char *str)
{
  double h;

  if (str == NULL)
    return;
  h = text (p, 0, 0, CONTENT_WIDTH, str, 7.5, FALSE, PANGO_ALIGN_LEFT, FALSE);
  need (p, h);
  set_grey (p, 0.4);
  text (p, MARGIN_X, p->y, CONTENT_WIDTH, str, 7.5, FALSE, PANGO_ALIGN_LEFT, TRUE);
  set_grey (p, 0.0);
  p->y += h + 6.0;
}

static void
signature_block (Page       *p,
                 double      x,
                 double      y,
                 double      width,
                 const char *party,
                 const char *name)
{
  const char *lines[] = { "（盖章）", "法定代表人或授权代表（签字）：", "日期：　　　　年　　月　　日" };
  g_autofree char *head = g_strdup_printf ("%s：%s", party, name);

  y += text (p, x, y, width, head, BODY_SIZE, TRUE, PANGO_ALIGN_LEFT, TRUE) + 12.0;
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      double h = text (p, x, y, width, lines[i], BODY_SIZE, FALSE, PANGO_ALIGN_LEFT, TRUE);

      if (i == 1)
        {
          set_grey (p, 0.3);
          hline (p, x + 150.0, x + width - 6.0, y + h - 1.0, 0.5);
          set_grey (p, 0.0);
        }
      y += h + 22.0;
    }
}

static void
signatures (Page *p)
{
  const PlazaPdfSummary *s = p->s;
  double half = CONTENT_WIDTH / 2.0;

  need (p, 190.0);
  p->y += 14.0;
  text (p, MARGIN_X, p->y, CONTENT_WIDTH,
        "本摘要依据合同内容生成，供签署与归档使用；如与合同正本不一致，以合同正本为准。",
        7.5, FALSE, PANGO_ALIGN_LEFT, TRUE);
  p->y += 26.0;
  signature_block (p, MARGIN_X, p->y, half - 12.0, "甲方", s->party_a);
  signature_block (p, MARGIN_X + half + 12.0, p->y, half - 12.0, "乙方", s->party_b);
  p->y += 150.0;
}

guint
plaza_pdf_summary_draw (const PlazaPdfSummary *s,
                        cairo_surface_t       *surface,
                        guint                  n_pages)
{
  static const Column unit_cols[] = {
    { "铺位号", 0.22, PANGO_ALIGN_LEFT },
    { "楼层", 0.14, PANGO_ALIGN_LEFT },
    { "建筑面积（㎡）", 0.21, PANGO_ALIGN_RIGHT },
    { "计租面积（㎡）", 0.21, PANGO_ALIGN_RIGHT },
    { "合同面积（㎡）", 0.22, PANGO_ALIGN_RIGHT },
  };
  static const Column schedule_cols[] = {
    { "月份", 0.08, PANGO_ALIGN_LEFT },
    { "起止日期", 0.14, PANGO_ALIGN_LEFT },
    { "天数", 0.05, PANGO_ALIGN_RIGHT },
    { "计租天数", 0.085, PANGO_ALIGN_RIGHT },
    { "基本租金", 0.129, PANGO_ALIGN_RIGHT },
    { "扣点租金", 0.129, PANGO_ALIGN_RIGHT },
    { "应收租金", 0.129, PANGO_ALIGN_RIGHT },
    { "费用", 0.129, PANGO_ALIGN_RIGHT },
    { "合计", 0.129, PANGO_ALIGN_RIGHT },
  };
  static const Column event_cols[] = {
    { "时间", 0.20, PANGO_ALIGN_LEFT },
    { "事项", 0.14, PANGO_ALIGN_LEFT },
    { "状态", 0.11, PANGO_ALIGN_LEFT },
    { "经办人", 0.13, PANGO_ALIGN_LEFT },
    { "说明", 0.42, PANGO_ALIGN_LEFT },
  };
  Page page = { 0 };
  cairo_font_options_t *options;

  page.cr = cairo_create (surface);
  page.layout = pango_cairo_create_layout (page.cr);
  page.s = s;
  page.page = 1;
  page.n_pages = n_pages;
  page.y = MARGIN_TOP;

  /* Metrics that do not depend on the device: both passes break alike. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pango_layout_get_context (page.layout), options);
  cairo_font_options_destroy (options);
  pango_layout_context_changed (page.layout);

  letterhead (&page);
  section (&page, "一、合同双方", 0);
  fields (&page, s->parties);
  section (&page, s->concession ? "二、经营铺位" : "二、租赁铺位",
           table_keep (&page, unit_cols, G_N_ELEMENTS (unit_cols), s->units));
  table (&page, unit_cols, G_N_ELEMENTS (unit_cols), s->units, FALSE);
  note (&page, s->units_total);
  section (&page, s->concession ? "三、合作期限" : "三、租赁期限", 0);
  fields (&page, s->period);
  section (&page, "四、租金与费用", 0);
  fields (&page, s->terms);
  section (&page, "五、保证金与滞纳金", 0);
  fields (&page, s->deposit);
  section (&page, "六、租金计划（前 12 个月）",
           s->schedule->len > 0 ? table_keep (&page, schedule_cols, G_N_ELEMENTS (schedule_cols), s->schedule) : 0);
  if (s->schedule->len > 0)
    table (&page, schedule_cols, G_N_ELEMENTS (schedule_cols), s->schedule, TRUE);
  note (&page, s->schedule_note);
  section (&page, "七、合同记录", table_keep (&page, event_cols, G_N_ELEMENTS (event_cols), s->events));
  table (&page, event_cols, G_N_ELEMENTS (event_cols), s->events, FALSE);
  signatures (&page);
  footer (&page);
  cairo_show_page (page.cr);

  g_object_unref (page.layout);
  cairo_destroy (page.cr);
  return page.page;
}
