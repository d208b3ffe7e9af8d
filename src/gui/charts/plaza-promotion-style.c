/* plaza-promotion-style.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The look the promotions calendar and timeline share, in the manner of
 * core's chart style (plaza-chart-style.c, whose text helper and palette
 * it uses): soft tints with a stronger edge per state — draft grey,
 * submitted amber, approved green, rejected a red outline, cancelled pale
 * and struck through —, a red edge and a warning mark for clashes, one
 * legend, and the tooltip that says what a bar is and whether it moves.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "plaza-date.h"
#include "plaza-promotion-style.h"

#define RGB(hex) (PlazaChartRgb) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

void
plaza_promotion_look (const char         *state,
                      gboolean            dark,
                      PlazaPromotionLook *look)
{
  const PlazaChartPalette *palette = plaza_chart_palette (dark);

  look->text = palette->text;
  look->outline = FALSE;
  look->struck = FALSE;
  if (g_strcmp0 (state, "approved") == 0)
    {
      look->fill = dark ? RGB (0x24483b) : RGB (0xd3ecdf);
      look->border = dark ? RGB (0x5cbf99) : RGB (0x3f9a7b);
    }
  else if (g_strcmp0 (state, "submitted") == 0)
    {
      look->fill = dark ? RGB (0x54461f) : RGB (0xfae6bb);
      look->border = dark ? RGB (0xe0b050) : RGB (0xc98b1c);
    }
  else if (g_strcmp0 (state, "rejected") == 0)
    {
      look->fill = palette->background;
      look->border = dark ? RGB (0xe57b82) : RGB (0xc4525a);
      look->outline = TRUE;
    }
  else if (g_strcmp0 (state, "cancelled") == 0)
    {
      look->fill = dark ? RGB (0x2d2e30) : RGB (0xf2f3f5);
      look->border = dark ? RGB (0x55585c) : RGB (0xc6cacf);
      look->text = palette->text_secondary;
      look->struck = TRUE;
    }
  else /* draft */
    {
      look->fill = dark ? RGB (0x3b3d40) : RGB (0xe6e8eb);
      look->border = dark ? RGB (0x80858c) : RGB (0x8f969e);
    }
}

PlazaChartRgb
plaza_promotion_clash_colour (gboolean dark)
{
  return dark ? RGB (0xff6b73) : RGB (0xd0353f);
}

PlazaChartRgb
plaza_promotion_today_colour (gboolean dark)
{
  return dark ? RGB (0x78aeed) : RGB (0x1c71d8);
}

const char *
plaza_promotion_state_label (const char *state)
{
  if (g_strcmp0 (state, "draft") == 0)
    return C_("promotion state", "Draft");
  if (g_strcmp0 (state, "submitted") == 0)
    return C_("promotion state", "Submitted");
  if (g_strcmp0 (state, "approved") == 0)
    return C_("promotion state", "Approved");
  if (g_strcmp0 (state, "rejected") == 0)
    return C_("promotion state", "Rejected");
  if (g_strcmp0 (state, "cancelled") == 0)
    return C_("promotion state", "Cancelled");
  return state;
}

static const char *
mechanics_label (const char *mechanics)
{
  if (g_strcmp0 (mechanics, "spend_save") == 0)
    return _("Spend and save");
  if (g_strcmp0 (mechanics, "discount") == 0)
    return _("Discount");
  if (g_strcmp0 (mechanics, "gift") == 0)
    return _("Gift with purchase");
  if (g_strcmp0 (mechanics, "points") == 0)
    return _("Points");
  if (g_strcmp0 (mechanics, "event") == 0)
    return _("Event");
  return mechanics != NULL ? mechanics : "";
}

guint32
plaza_promotion_julian (const char *date)
{
  GDate d;

  if (date == NULL || !plaza_date_parse (date, &d))
    return 0;
  return g_date_get_julian (&d);
}

char *
plaza_promotion_julian_format (guint32 julian)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, julian);
  return plaza_date_format (&d);
}

char *
plaza_promotion_span_tooltip (const PlazaPromotionSpan *span)
{
  GString *s = g_string_new (NULL);
  guint32 start = plaza_promotion_julian (span->start_date);
  guint32 end = plaza_promotion_julian (span->end_date);
  guint days = end >= start ? end - start + 1 : 0;
  g_autofree char *head = g_markup_printf_escaped ("<b>%s</b>  %s", span->code, span->name);
  g_autofree char *codes = g_markup_escape_text (span->clash_codes != NULL ? span->clash_codes : "", -1);

  g_string_append (s, head);
  g_string_append_c (s, '\n');
  g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%s – %s (%u day)", "%s – %s (%u days)", days),
                          span->start_date, span->end_date, days);
  g_string_append_c (s, '\n');
  /* Translators: the state of a promotion, then its mechanics. */
  g_string_append_printf (s, _("%s · %s"), plaza_promotion_state_label (span->state),
                          mechanics_label (span->mechanics));
  if (span->clash)
    {
      g_string_append_c (s, '\n');
      g_string_append_printf (s, _("⚠ Clashes with %s"), codes);
    }
  if (g_strcmp0 (span->state, "approved") == 0 || g_strcmp0 (span->state, "submitted") == 0)
    {
      g_string_append_c (s, '\n');
      g_string_append (s, g_strcmp0 (span->state, "approved") == 0
                          ? _("Locked: an approved plan keeps its dates. Open it to change them.")
                          : _("Locked while it waits for approval. Open it to change the dates."));
    }
  else if (plaza_promotion_state_movable (span->state))
    {
      g_string_append_c (s, '\n');
      g_string_append (s, _("Drag to move, drag an end to change the dates."));
    }
  return g_string_free (s, FALSE);
}

char *
plaza_promotion_spans_describe (GPtrArray *spans)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%u promotion", "%u promotions",
                                          spans != NULL ? spans->len : 0),
                          spans != NULL ? spans->len : 0);
  for (guint i = 0; spans != NULL && i < spans->len; i++)
    {
      const PlazaPromotionSpan *span = g_ptr_array_index (spans, i);

      g_string_append (s, i == 0 ? ": " : "; ");
      /* Translators: code, name, start, end, state. */
      g_string_append_printf (s, _("%s %s, %s to %s, %s"), span->code, span->name, span->start_date,
                              span->end_date, plaza_promotion_state_label (span->state));
      if (span->clash)
        g_string_append_printf (s, " (%s)", _("clash"));
    }
  return g_string_free (s, FALSE);
}

static void
bar_path (cairo_t  *cr,
          double    x,
          double    y,
          double    w,
          double    h,
          double    r,
          gboolean  open_left,
          gboolean  open_right)
{
  double rl = open_left ? 0 : MIN (r, w / 2);
  double rr = open_right ? 0 : MIN (r, w / 2);

  cairo_new_sub_path (cr);
  if (rr > 0)
    {
      cairo_arc (cr, x + w - rr, y + rr, rr, -G_PI / 2, 0);
      cairo_arc (cr, x + w - rr, y + h - rr, rr, 0, G_PI / 2);
    }
  else
    {
      cairo_move_to (cr, x + w, y);
      cairo_line_to (cr, x + w, y + h);
    }
  if (rl > 0)
    {
      cairo_arc (cr, x + rl, y + h - rl, rl, G_PI / 2, G_PI);
      cairo_arc (cr, x + rl, y + rl, rl, G_PI, 3 * G_PI / 2);
    }
  else
    {
      cairo_line_to (cr, x, y + h);
      cairo_line_to (cr, x, y);
    }
  cairo_close_path (cr);
}

void
plaza_promotion_draw_warning (cairo_t       *cr,
                              double         x,
                              double         y,
                              double         size,
                              PlazaChartRgb  colour)
{
  double w = size * 1.1;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_move_to (cr, x + w / 2, y);
  cairo_line_to (cr, x + w, y + size);
  cairo_line_to (cr, x, y + size);
  cairo_close_path (cr);
  plaza_chart_set_rgb (cr, colour);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke_preserve (cr);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, MAX (1.2, size * 0.13));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, x + w / 2, y + size * 0.36);
  cairo_line_to (cr, x + w / 2, y + size * 0.64);
  cairo_stroke (cr);
  cairo_arc (cr, x + w / 2, y + size * 0.82, MAX (0.7, size * 0.07), 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_restore (cr);
}

void
plaza_promotion_draw_lock (cairo_t       *cr,
                           double         x,
                           double         y,
                           double         size,
                           PlazaChartRgb  colour)
{
  double bw = size * 0.8, bh = size * 0.55;

  cairo_save (cr);
  cairo_new_path (cr);
  plaza_chart_set_rgb (cr, colour);
  cairo_set_line_width (cr, MAX (1.0, size * 0.12));
  cairo_arc (cr, x + bw / 2, y + size - bh, bw * 0.3, G_PI, 2 * G_PI);
  cairo_line_to (cr, x + bw / 2 + bw * 0.3, y + size - bh);
  cairo_move_to (cr, x + bw / 2 - bw * 0.3, y + size - bh);
  cairo_line_to (cr, x + bw / 2 - bw * 0.3, y + size - bh - bw * 0.01);
  cairo_stroke (cr);
  cairo_rectangle (cr, x, y + size - bh, bw, bh);
  cairo_fill (cr);
  cairo_restore (cr);
}

void
plaza_promotion_draw_bar (cairo_t                  *cr,
                          PlazaChartText           *text,
                          const PlazaPromotionSpan *span,
                          gboolean                  dark,
                          double                    x,
                          double                    y,
                          double                    w,
                          double                    h,
                          gboolean                  open_left,
                          gboolean                  open_right,
                          gboolean                  highlight,
                          const char               *label)
{
  PlazaPromotionLook look;
  PlazaChartRgb clash = plaza_promotion_clash_colour (dark);
  double pad = 6, tx, tw, th, icon = 0;

  plaza_promotion_look (span->state, dark, &look);
  cairo_save (cr);
  bar_path (cr, x + 0.5, y + 0.5, MAX (w - 1, 1), h - 1, 4, open_left, open_right);
  plaza_chart_set_rgb (cr, look.fill);
  cairo_fill_preserve (cr);
  if (span->clash)
    {
      plaza_chart_set_rgb (cr, clash);
      cairo_set_line_width (cr, 1.5);
    }
  else
    {
      plaza_chart_set_rgb (cr, look.border);
      cairo_set_line_width (cr, look.outline ? 1.5 : 1.0);
    }
  if (look.outline)
    {
      static const double dash[] = { 4, 2 };

      cairo_set_dash (cr, dash, 2, 0);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  /* a solid strip at the start, in the state's colour: the state reads at a glance */
  if (!open_left && !look.outline && w > 8)
    {
      cairo_save (cr);
      bar_path (cr, x + 0.5, y + 0.5, MAX (w - 1, 1), h - 1, 4, open_left, open_right);
      cairo_clip (cr);
      plaza_chart_set_rgb (cr, span->clash ? clash : look.border);
      cairo_rectangle (cr, x, y, 3.5, h);
      cairo_fill (cr);
      cairo_restore (cr);
    }

  if (highlight)
    {
      PlazaChartRgb ring = plaza_promotion_today_colour (dark);

      bar_path (cr, x - 1.5, y - 1.5, w + 3, h + 3, 5.5, open_left, open_right);
      plaza_chart_set_rgb (cr, ring);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }

  tx = x + pad + (open_left ? 0 : 2);
  if (span->clash && w > 40)
    {
      icon = MIN (h - 8, 12);
      plaza_promotion_draw_warning (cr, tx, y + (h - icon) / 2, icon, clash);
      icon += 5;
    }
  if (label != NULL && w - pad * 2 - icon > 12)
    {
      plaza_chart_text_set (text, label, 0.92, FALSE, w - pad * 2 - icon - 2, &tw, &th);
      plaza_chart_set_rgb (cr, look.text);
      plaza_chart_text_show (text, cr, tx + icon, y + (h - th) / 2);
      if (look.struck)
        {
          cairo_set_line_width (cr, 1);
          cairo_move_to (cr, tx + icon, floor (y + h / 2) + 0.5);
          cairo_line_to (cr, tx + icon + tw, floor (y + h / 2) + 0.5);
          cairo_stroke (cr);
        }
    }
  cairo_restore (cr);
}

double
plaza_promotion_draw_legend (cairo_t        *cr,
                             PlazaChartText *text,
                             gboolean        dark,
                             double          x,
                             double          y,
                             double          width)
{
  static const char * const states[] = { "draft", "submitted", "approved", "rejected", "cancelled" };
  const PlazaChartPalette *palette = plaza_chart_palette (dark);
  double th = plaza_chart_text_height (text, 0.88);
  double sw = 18, sh = MIN (th, 12), cx = x, tw;

  for (guint i = 0; i < G_N_ELEMENTS (states) + 2; i++)
    {
      const char *label;

      if (i < G_N_ELEMENTS (states))
        {
          PlazaPromotionSpan span = { 0 };

          span.state = (char *) states[i];
          span.clash_codes = (char *) "";
          label = plaza_promotion_state_label (states[i]);
          plaza_promotion_draw_bar (cr, text, &span, dark, cx, y + (th - sh) / 2, sw, sh, FALSE, FALSE, FALSE, NULL);
        }
      else if (i == G_N_ELEMENTS (states))
        {
          label = _("Clash");
          plaza_promotion_draw_warning (cr, cx + 3, y + (th - sh) / 2, sh, plaza_promotion_clash_colour (dark));
        }
      else
        {
          label = _("Today");
          plaza_chart_set_rgb (cr, plaza_promotion_today_colour (dark));
          cairo_rectangle (cr, cx + sw / 2 - 1, y + (th - sh) / 2 - 1, 2, sh + 2);
          cairo_fill (cr);
        }
      plaza_chart_text_set (text, label, 0.88, FALSE, -1, &tw, NULL);
      if (cx + sw + 6 + tw > x + width)
        break;
      plaza_chart_set_rgb (cr, palette->text_secondary);
      plaza_chart_text_show (text, cr, cx + sw + 6, y);
      cx += sw + 6 + tw + 18;
    }
  return th;
}

void
plaza_promotion_text_init (PlazaChartText *text)
{
  plaza_chart_text_init (text, 800, 500);
  text->font_px = 13;
}
