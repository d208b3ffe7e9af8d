/* plaza-promotion-eval-pdf.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A promotion's evaluation on one A4 page, for a manager to present: the
 * title band (the mall, the promotion's code, name and days), the baseline
 * in words, four headline tiles (sales, uplift in yuan and percent, cost,
 * return per yuan spent), the uplift chart drawn by plaza_chart_draw into
 * its rectangle, the table per participant with the total and the scope
 * rows (participants below their category on a red tint, marked ▼) and a
 * footnote on the method. The chart gives way to the table: it is as tall
 * as the page allows; a table too long for the page ends with "… and N
 * more". Pango text in the zh-cn language; written through a temporary file
 * renamed into place (plaza_document_write_file).
 */

#define G_LOG_DOMAIN "plaza-core"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "plaza-document.h"
#include "plaza-money.h"
#include "plaza-pdf.h"
#include "plaza-promotion-eval.h"

#define PAGE_WIDTH    595.2756
#define PAGE_HEIGHT   841.8898
#define MARGIN_X      40.0
#define CONTENT_WIDTH (PAGE_WIDTH - 2 * MARGIN_X)
#define CONTENT_BOTTOM (PAGE_HEIGHT - 50.0)
#define BAND_HEIGHT   88.0
#define TILE_HEIGHT   64.0
#define TILE_GAP      8.0
#define TABLE_SIZE    7.4
#define CELL_PAD_X    3.5
#define CELL_PAD_Y    2.4
#define CHART_MIN     120.0
#define CHART_MAX     230.0
#define CHART_SCALE   1.3

static const PlazaRgb flag_fill = { 0.995, 0.91, 0.90 };

typedef struct
{
  cairo_t                        *cr;
  PangoLayout                    *layout;
  const PlazaPromotionEvaluation *e;
  double                          y;
} Page;

typedef enum
{
  COL_TEXT,
  COL_NUMBER,
  COL_GROWTH,
} ColKind;

typedef struct
{
  const char *title;
  double      share;
  ColKind     kind;
} Column;

#define N_COLUMNS 8

static void
set_rgb (Page           *p,
         const PlazaRgb *c)
{
  plaza_pdf_set_rgb (p->cr, c);
}

static void
fill_rect (Page           *p,
           const PlazaRgb *c,
           double          x,
           double          y,
           double          w,
           double          h)
{
  plaza_pdf_fill_rect (p->cr, c, x, y, w, h);
}

static void
hline (Page   *p,
       double  y,
       double  width)
{
  plaza_pdf_hline (p->cr, MARGIN_X, PAGE_WIDTH - MARGIN_X, y, width);
}

/* Lays @str out in @width (wrapping, or one ellipsized line) and, when
 * @draw, shows it at @x, @y in the current colour. Returns its height. */
static double
text (Page           *p,
      double          x,
      double          y,
      double          width,
      const char     *str,
      double          size,
      gboolean        bold,
      PangoAlignment  align,
      gboolean        wrap,
      gboolean        draw)
{
  return plaza_pdf_text (p->cr, p->layout, x, y, width, str, size, bold, align, !wrap, draw);
}

/* The size at most @size at which @str fits in @width on one line. */
static double
fit_size (Page       *p,
          const char *str,
          double      width,
          double      size,
          gboolean    bold)
{
  return plaza_pdf_fit_size (p->layout, str, width, size, bold);
}

static void
title_band (Page       *p,
            const char *mall_name)
{
  const PlazaPromotionEvaluation *e = p->e;
  g_autofree char *days = g_strdup_printf ("%s – %s", e->from, e->to);
  double y;

  fill_rect (p, &plaza_pdf_navy, 0, 0, PAGE_WIDTH, BAND_HEIGHT);
  cairo_set_source_rgb (p->cr, 0.80, 0.16, 0.14);
  cairo_rectangle (p->cr, 0, BAND_HEIGHT, PAGE_WIDTH, 3.0);
  cairo_fill (p->cr);

  y = 18.0;
  cairo_set_source_rgb (p->cr, 0.80, 0.86, 0.93);
  y += text (p, MARGIN_X, y, CONTENT_WIDTH * 0.6, mall_name, 10.5, FALSE, PANGO_ALIGN_LEFT, FALSE, TRUE) + 2.0;
  cairo_set_source_rgb (p->cr, 1.0, 1.0, 1.0);
  text (p, MARGIN_X, y, CONTENT_WIDTH * 0.6, _("Promotion evaluation"), 20.0, TRUE, PANGO_ALIGN_LEFT, FALSE, TRUE);

  y = 16.0;
  cairo_set_source_rgb (p->cr, 0.80, 0.86, 0.93);
  y += text (p, MARGIN_X, y, CONTENT_WIDTH, _("Promotion"), 8.0, FALSE, PANGO_ALIGN_RIGHT, FALSE, TRUE);
  cairo_set_source_rgb (p->cr, 1.0, 1.0, 1.0);
  y += text (p, MARGIN_X, y, CONTENT_WIDTH, e->code, 20.0, TRUE, PANGO_ALIGN_RIGHT, FALSE, TRUE);
  cairo_set_source_rgb (p->cr, 0.80, 0.86, 0.93);
  text (p, MARGIN_X, y + 1.0, CONTENT_WIDTH, days, 9.0, FALSE, PANGO_ALIGN_RIGHT, FALSE, TRUE);

  p->y = BAND_HEIGHT + 14.0;
}

/* The promotion's name and the baseline in words. */
static void
heading (Page *p)
{
  g_autofree char *baseline = plaza_promotion_evaluation_describe_baseline (p->e);

  set_rgb (p, &plaza_pdf_ink);
  p->y += text (p, MARGIN_X, p->y, CONTENT_WIDTH, p->e->name, 15.0, TRUE, PANGO_ALIGN_LEFT, FALSE, TRUE) + 2.0;
  fill_rect (p, &plaza_pdf_navy, MARGIN_X, p->y + 2.0, 3.0, 9.0);
  set_rgb (p, &plaza_pdf_muted);
  p->y += text (p, MARGIN_X + 8.0, p->y, CONTENT_WIDTH - 8.0, baseline, 8.8, FALSE, PANGO_ALIGN_LEFT, TRUE, TRUE);
  p->y += 10.0;
}

static void
section (Page       *p,
         const char *title)
{
  double h = text (p, 0, 0, CONTENT_WIDTH, title, 10.5, TRUE, PANGO_ALIGN_LEFT, FALSE, FALSE);

  fill_rect (p, &plaza_pdf_navy, MARGIN_X, p->y + 2.5, 3.5, h - 5.0);
  set_rgb (p, &plaza_pdf_navy);
  text (p, MARGIN_X + 9.0, p->y, CONTENT_WIDTH - 9.0, title, 10.5, TRUE, PANGO_ALIGN_LEFT, FALSE, TRUE);
  p->y += h + 4.0;
}

static double
section_height (Page *p)
{
  return text (p, 0, 0, CONTENT_WIDTH, "Ag", 10.5, TRUE, PANGO_ALIGN_LEFT, FALSE, FALSE) + 4.0;
}

/* ---- tiles ---- */

static const PlazaRgb *
sign_rgb (gint64     value,
          const PlazaRgb *neutral)
{
  return value < 0 ? &plaza_pdf_bad : value > 0 ? &plaza_pdf_good : neutral;
}

static void
tile (Page       *p,
      double      x,
      double      w,
      const char *label,
      const char *value,
      const PlazaRgb  *tone,
      const char *line1,
      const PlazaRgb  *tone1,
      const char *line2)
{
  double inner = w - 18.0;
  double ty = p->y + 7.0;
  double size;

  fill_rect (p, &plaza_pdf_tile_fill, x, p->y, w, TILE_HEIGHT);
  fill_rect (p, tone, x, p->y, 3.0, TILE_HEIGHT);
  set_rgb (p, &plaza_pdf_muted);
  ty += text (p, x + 11.0, ty, inner, label, 7.6, FALSE, PANGO_ALIGN_LEFT, FALSE, TRUE) + 1.0;
  set_rgb (p, tone == &plaza_pdf_navy ? &plaza_pdf_ink : tone);
  size = fit_size (p, value, inner, 14.5, TRUE);
  ty += text (p, x + 11.0, ty + (14.5 - size) * 0.6, inner, value, size, TRUE, PANGO_ALIGN_LEFT, FALSE, TRUE)
        + (14.5 - size) * 1.2 + 2.0;
  if (line1 != NULL)
    {
      set_rgb (p, tone1);
      ty += text (p, x + 11.0, ty, inner, line1, 7.2, tone1 != &plaza_pdf_muted, PANGO_ALIGN_LEFT, FALSE, TRUE) + 1.0;
    }
  if (line2 != NULL)
    {
      set_rgb (p, &plaza_pdf_muted);
      text (p, x + 11.0, ty, inner, line2, 7.0, FALSE, PANGO_ALIGN_LEFT, FALSE, TRUE);
    }
}

static void
tiles (Page *p)
{
  const PlazaPromotionEvaluation *e = p->e;
  const PlazaPromotionEvalRow *t = &e->total;
  double w = (CONTENT_WIDTH - 3 * TILE_GAP) / 4.0;
  gint64 fees = 0;
  g_autofree char *sales = plaza_money_format (t->sales, TRUE);
  g_autofree char *base = plaza_money_format (t->baseline, TRUE);
  g_autofree char *base_line = NULL;
  g_autofree char *uplift = plaza_money_format (t->uplift, TRUE);
  g_autofree char *uplift_pct = plaza_promotion_format_uplift_pct (t);
  g_autofree char *scope_pct = plaza_promotion_format_uplift_pct (&e->scope);
  g_autofree char *scope_line = NULL;
  PlazaPromotionEvalRow lfl;
  guint n_lfl = plaza_promotion_evaluation_like_for_like (e, &lfl);
  g_autofree char *cost = plaza_money_format (t->cost, TRUE);
  g_autofree char *mall = NULL;
  g_autofree char *fee_text = NULL;
  g_autofree char *mall_line = NULL;
  g_autofree char *fee_line = NULL;
  g_autofree char *ret = plaza_promotion_format_return (t);
  g_autofree char *ret_line = NULL;
  g_autofree char *pct_line = NULL;
  g_autofree char *n_line = g_strdup_printf (ngettext ("%u participant", "%u participants", e->rows->len),
                                             e->rows->len);

  for (guint i = 0; i < e->rows->len; i++)
    fees += ((PlazaPromotionEvalRow *) g_ptr_array_index (e->rows, i))->cost;
  mall = plaza_money_format (t->cost - fees, TRUE);
  fee_text = plaza_money_format (fees, TRUE);
  mall_line = g_strdup_printf (_("Mall budget %s"), mall);
  fee_line = g_strdup_printf (_("Participants' fees %s"), fee_text);
  base_line = g_strdup_printf (_("Baseline %s"), base);
  pct_line = g_strdup_printf (_("%s on the baseline"), uplift_pct);
  if (n_lfl < e->rows->len)
    {
      g_autofree char *lfl_pct = plaza_promotion_format_uplift_pct (&lfl);

      /* Translators: the uplift % of the participants that had sales in
       * the baseline period, e.g. "Like for like (8 of 11): +3.90%" */
      scope_line = g_strdup_printf (_("Like for like (%u of %u): %s"), n_lfl, e->rows->len, lfl_pct);
    }
  else
    scope_line = g_strdup_printf (_("Everyone in scope: %s"), scope_pct);
  g_free (lfl.tenant_code);
  g_free (lfl.tenant_name);
  ret_line = g_strdup (t->cost > 0 ? _("of uplift per ¥1 spent") : _("no cost recorded"));

  section (p, _("Headline figures"));
  tile (p, MARGIN_X, w, _("Participants' sales"), sales, &plaza_pdf_navy, base_line, &plaza_pdf_muted, n_line);
  tile (p, MARGIN_X + (w + TILE_GAP), w, _("Uplift"), uplift, sign_rgb (t->uplift, &plaza_pdf_navy),
        pct_line, sign_rgb (t->uplift, &plaza_pdf_muted), scope_line);
  tile (p, MARGIN_X + 2 * (w + TILE_GAP), w, _("Cost"), cost, &plaza_pdf_navy, mall_line, &plaza_pdf_muted, fee_line);
  tile (p, MARGIN_X + 3 * (w + TILE_GAP), w, _("Return per yuan spent"), ret,
        t->cost > 0 ? sign_rgb (t->return_bp, &plaza_pdf_navy) : &plaza_pdf_navy, ret_line, &plaza_pdf_muted, NULL);
  p->y += TILE_HEIGHT + 12.0;
}

/* ---- the table ---- */

static const Column *
columns (void)
{
  static Column cols[N_COLUMNS];

  if (cols[0].title == NULL)
    {
      const Column init[N_COLUMNS] = {
        { N_("Participant"), 0.25, COL_TEXT },
        { N_("Sales"), 0.125, COL_NUMBER },
        { N_("Baseline"), 0.125, COL_NUMBER },
        { N_("Uplift ¥"), 0.125, COL_GROWTH },
        { N_("Uplift %"), 0.08, COL_GROWTH },
        { N_("Cost"), 0.105, COL_NUMBER },
        { N_("Return per ¥"), 0.08, COL_NUMBER },
        { N_("Its category"), 0.11, COL_GROWTH },
      };

      memcpy (cols, init, sizeof init);
    }
  return cols;
}

/* The cells of @row; @with_cost FALSE for the scope row. */
static GStrv
row_cells (const PlazaPromotionEvalRow *row,
           gboolean                     participant,
           gboolean                     with_cost)
{
  GStrv cells = g_new0 (char *, N_COLUMNS + 1);
  char *uplift = plaza_money_format (row->uplift, TRUE);

  cells[0] = participant ? g_strdup_printf ("%s  %s", row->tenant_name, row->tenant_code)
                         : g_strdup (row->tenant_name);
  cells[1] = plaza_money_format (row->sales, TRUE);
  cells[2] = plaza_money_format (row->baseline, TRUE);
  cells[3] = row->uplift > 0 ? g_strconcat ("+", uplift, NULL) : g_strdup (uplift);
  cells[4] = plaza_promotion_format_uplift_pct (row);
  cells[5] = with_cost ? plaza_money_format (row->cost, TRUE) : g_strdup ("—");
  cells[6] = with_cost ? plaza_promotion_format_return (row) : g_strdup ("—");
  if (participant && row->has_category_peers)
    {
      PlazaPromotionEvalRow peers = { 0 };

      peers.baseline = 1;
      peers.uplift_bp = row->category_uplift_bp;
      cells[7] = plaza_promotion_format_uplift_pct (&peers);
      if (row->worse_than_category)
        {
          char *marked = g_strconcat ("▼ ", cells[7], NULL);

          g_free (cells[7]);
          cells[7] = marked;
        }
    }
  else
    cells[7] = g_strdup ("—");
  if (participant && row->baseline <= 0)
    {
      g_free (cells[7]);
      /* Translators: a participant without sales in the baseline period */
      cells[7] = g_strdup (_("No baseline"));
    }
  g_free (uplift);
  return cells;
}

static double
row_height (Page               *p,
            const char * const *cells,
            gboolean            header)
{
  const Column *cols = columns ();
  double height = 0.0;

  for (guint c = 0; c < N_COLUMNS; c++)
    height = MAX (height, text (p, 0, 0, cols[c].share * CONTENT_WIDTH - 2 * CELL_PAD_X, cells[c], TABLE_SIZE,
                                header, PANGO_ALIGN_RIGHT, header, FALSE));
  return height + 2 * CELL_PAD_Y;
}

static void
draw_row (Page               *p,
          const char * const *cells,
          gboolean            header,
          gboolean            bold,
          gboolean            flagged,
          gboolean            no_baseline,
          const PlazaRgb          *fill)
{
  const Column *cols = columns ();
  double height = row_height (p, cells, header);
  double x = MARGIN_X;

  if (fill != NULL)
    fill_rect (p, fill, MARGIN_X, p->y, CONTENT_WIDTH, height);
  if (flagged)
    fill_rect (p, &plaza_pdf_bad, MARGIN_X, p->y, 2.5, height);
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      double w = cols[c].share * CONTENT_WIDTH;
      const PlazaRgb *colour = header ? &plaza_pdf_navy : &plaza_pdf_ink;
      double size = TABLE_SIZE;

      if (!header && cols[c].kind == COL_GROWTH && cells[c] != NULL)
        colour = cells[c][0] == '-' ? &plaza_pdf_bad : cells[c][0] == '+' ? &plaza_pdf_good : &plaza_pdf_ink;
      /* without a baseline the uplift is all its sales: not a result */
      if (no_baseline && c >= 3 && c != 5)
        colour = &plaza_pdf_muted;
      if (!header && c == N_COLUMNS - 1)
        colour = flagged ? &plaza_pdf_bad : &plaza_pdf_muted;
      /* numbers shrink rather than lose digits */
      if (!header && cols[c].kind != COL_TEXT)
        size = fit_size (p, cells[c], w - 2 * CELL_PAD_X, TABLE_SIZE, bold);
      set_rgb (p, colour);
      text (p, x + CELL_PAD_X, p->y + CELL_PAD_Y + (TABLE_SIZE - size) * 0.7, w - 2 * CELL_PAD_X, cells[c], size,
            header || bold || (flagged && c == N_COLUMNS - 1),
            cols[c].kind == COL_TEXT ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT, header, TRUE);
      x += w;
    }
  p->y += height;
}

static GStrv
header_cells (void)
{
  const Column *cols = columns ();
  GStrv titles = g_new0 (char *, N_COLUMNS + 1);

  for (guint c = 0; c < N_COLUMNS; c++)
    titles[c] = g_strdup (_(cols[c].title));
  return titles;
}

static char *
method_note (const PlazaPromotionEvaluation *e)
{
  const char *base = e->baseline == PLAZA_PROMOTION_BASELINE_LAST_YEAR
                     ? _("The baseline is each participant's sales on the same days last year, 364 days earlier so "
                         "that weekdays match.")
                     : _("The baseline is each participant's sales over the four weeks before the promotion, "
                         "scaled to its length.");

  return g_strdup_printf ("%s %s", base,
                          _("Sales are the reported daily sales of the units a participant held under contract on "
                            "each day. Uplift = sales − baseline; uplift in percent = uplift ÷ baseline. Cost: a "
                            "participant's promotion fee; in total the mall budget plus all fees. Return per ¥ = "
                            "uplift ÷ cost. “Its category”: the uplift in percent of the non-participants of the "
                            "same category; ▼ and a red tint mark a participant that did worse. “No baseline”: no "
                            "sales in the baseline period (not trading then), so its uplift is all its sales and "
                            "has no percentage; like for like counts only the participants with a baseline. "
                            "“Everyone in scope”: every tenant in the promotion's scope, participants or not."));
}

/* The heights of the parts under the chart: the table (header, @n rows,
 * total and scope) and the note. */
static double
table_height (Page  *p,
              guint  n)
{
  g_auto(GStrv) titles = header_cells ();
  g_autofree char *method = method_note (p->e);
  double h = row_height (p, (const char * const *) titles, TRUE) + 8.0;

  for (guint r = 0; r < n; r++)
    {
      g_auto(GStrv) cells = row_cells (g_ptr_array_index (p->e->rows, r), TRUE, TRUE);

      h += row_height (p, (const char * const *) cells, FALSE);
    }
  {
    g_auto(GStrv) total = row_cells (&p->e->total, FALSE, TRUE);

    h += 2 * row_height (p, (const char * const *) total, FALSE) + 6.0;
  }
  return h + section_height (p) + text (p, 0, 0, CONTENT_WIDTH, method, 6.6, FALSE, PANGO_ALIGN_LEFT, TRUE,
                                        FALSE) + 4.0;
}

static void
table (Page  *p,
       guint  n)
{
  const PlazaPromotionEvaluation *e = p->e;
  g_auto(GStrv) titles = header_cells ();
  g_autofree char *method = method_note (e);

  section (p, _("Participants"));
  draw_row (p, (const char * const *) titles, TRUE, TRUE, FALSE, FALSE, &plaza_pdf_header_fill);
  set_rgb (p, &plaza_pdf_navy);
  hline (p, p->y, 0.8);
  for (guint r = 0; r < n; r++)
    {
      const PlazaPromotionEvalRow *row = g_ptr_array_index (e->rows, r);
      g_auto(GStrv) cells = row_cells (row, TRUE, TRUE);

      draw_row (p, (const char * const *) cells, FALSE, FALSE, row->worse_than_category, row->baseline <= 0,
                row->worse_than_category ? &flag_fill : r % 2 == 1 ? &plaza_pdf_zebra : NULL);
    }
  if (n < e->rows->len)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("… and %u more participant (the CSV has them all)",
                                                         "… and %u more participants (the CSV has them all)",
                                                         e->rows->len - n), e->rows->len - n);

      set_rgb (p, &plaza_pdf_muted);
      p->y += text (p, MARGIN_X + CELL_PAD_X, p->y + 1.0, CONTENT_WIDTH, more, TABLE_SIZE, FALSE,
                    PANGO_ALIGN_LEFT, FALSE, TRUE) + 2.0;
    }
  if (e->rows->len == 0)
    {
      set_rgb (p, &plaza_pdf_muted);
      p->y += text (p, MARGIN_X + CELL_PAD_X, p->y + 2.0, CONTENT_WIDTH, _("No confirmed participants."),
                    TABLE_SIZE, FALSE, PANGO_ALIGN_LEFT, FALSE, TRUE) + 4.0;
    }
  set_rgb (p, &plaza_pdf_navy);
  hline (p, p->y, 0.6);
  {
    g_auto(GStrv) total = row_cells (&e->total, FALSE, TRUE);
    g_auto(GStrv) scope = row_cells (&e->scope, FALSE, FALSE);

    draw_row (p, (const char * const *) total, FALSE, TRUE, FALSE, FALSE, &plaza_pdf_header_fill);
    set_rgb (p, &plaza_pdf_muted);
    draw_row (p, (const char * const *) scope, FALSE, FALSE, FALSE, FALSE, NULL);
  }
  set_rgb (p, &plaza_pdf_navy);
  hline (p, p->y, 0.8);
  p->y += 5.0;
  set_rgb (p, &plaza_pdf_muted);
  p->y += text (p, MARGIN_X, p->y, CONTENT_WIDTH, method, 6.6, FALSE, PANGO_ALIGN_LEFT, TRUE, TRUE);
}

/* ---- the chart ---- */

static void
chart_box (Page       *p,
           PlazaChart *chart,
           double      height)
{
  cairo_save (p->cr);
  cairo_translate (p->cr, MARGIN_X, p->y);
  cairo_rectangle (p->cr, 0, 0, CONTENT_WIDTH, height);
  cairo_clip (p->cr);
  cairo_scale (p->cr, 1.0 / CHART_SCALE, 1.0 / CHART_SCALE);
  plaza_chart_draw (chart, p->cr, CONTENT_WIDTH * CHART_SCALE, height * CHART_SCALE, FALSE, NULL);
  cairo_restore (p->cr);
  set_rgb (p, &plaza_pdf_rule);
  cairo_set_line_width (p->cr, 0.6);
  cairo_rectangle (p->cr, MARGIN_X + 0.3, p->y + 0.3, CONTENT_WIDTH - 0.6, height - 0.6);
  cairo_stroke (p->cr);
  p->y += height + 10.0;
}

static void
footer (Page       *p,
        const char *mall_name)
{
  g_autofree char *left = g_strdup_printf ("%s · %s · %s", mall_name, _("Promotion evaluation"), p->e->code);
  double y = PAGE_HEIGHT - 34.0;

  set_rgb (p, &plaza_pdf_rule);
  hline (p, y - 5.0, 0.6);
  set_rgb (p, &plaza_pdf_muted);
  text (p, MARGIN_X, y, CONTENT_WIDTH * 0.75, left, 7.0, FALSE, PANGO_ALIGN_LEFT, FALSE, TRUE);
  text (p, MARGIN_X, y, CONTENT_WIDTH, "Plaza " PACKAGE_VERSION, 7.0, FALSE, PANGO_ALIGN_RIGHT, FALSE, TRUE);
}

static void
draw_page (const PlazaPromotionEvaluation *e,
           const char                     *mall_name,
           cairo_surface_t                *surface)
{
  g_autoptr(PlazaChart) chart = NULL;
  Page page = { 0 };
  cairo_font_options_t *options;
  PangoContext *context;
  double room, chart_h, wanted;
  guint n = e->rows->len;

  page.cr = cairo_create (surface);
  page.layout = pango_cairo_create_layout (page.cr);
  page.e = e;

  context = pango_layout_get_context (page.layout);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_language (context, pango_language_from_string ("zh-cn"));
  pango_layout_context_changed (page.layout);

  title_band (&page, mall_name);
  heading (&page);
  tiles (&page);

  /* the chart: about 14 pt a participant, as room allows; rows that do
   * not fit under the smallest chart are left for the CSV */
  wanted = CLAMP (70.0 + 14.0 * n, CHART_MIN + 20.0, CHART_MAX);
  room = CONTENT_BOTTOM - page.y - section_height (&page) - 10.0;
  while (n > 0 && room - table_height (&page, n) < CHART_MIN)
    n--;
  chart_h = MIN (wanted, room - table_height (&page, n));
  /* about 9 pt a bar at least */
  chart = plaza_promotion_evaluation_chart_limited (e, MAX (4, (guint) ((chart_h - 60.0) / 9.0) & ~1u));
  if (e->rows->len > 0)
    {
      section (&page, _("Uplift by participant"));
      chart_box (&page, chart, chart_h);
    }
  table (&page, n);
  footer (&page, mall_name);
  cairo_show_page (page.cr);

  g_object_unref (page.layout);
  cairo_destroy (page.cr);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
plaza_promotion_evaluation_write_pdf (const PlazaPromotionEvaluation  *e,
                                      const char                      *mall_name,
                                      const char                      *path,
                                      GError                         **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;

  g_return_val_if_fail (e != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (mall_name == NULL || *mall_name == '\0')
    mall_name = _("The mall");
  title = g_strdup_printf ("%s · %s %s", mall_name, _("Promotion evaluation"), e->code);
  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Plaza " PACKAGE_VERSION);
  draw_page (e, mall_name, surface);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PLAZA_STORE_ERROR, PLAZA_STORE_ERROR_FAILED,
                   _("Could not draw the evaluation of %s: %s"), e->code, cairo_status_to_string (status));
      return FALSE;
    }
  {
    g_autoptr(GBytes) data = g_bytes_new (bytes->data, bytes->len);

    return plaza_document_write_file (path, data, error);
  }
}
