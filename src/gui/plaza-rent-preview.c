/* plaza-rent-preview.c
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small monthly bar chart of a rent schedule: one bar per period (the
 * total: rent and fees), a value axis labelled in ¥ or 万, drawn with Cairo
 * in the theme's colours.
 */

#define G_LOG_DOMAIN "plaza"

#include "config.h"

#include <glib/gi18n.h>

#include "plaza-rent.h"
#include "plaza-rent-preview.h"

struct _PlazaRentPreview
{
  GtkWidget  parent_instance;

  GArray    *totals;   /* gint64 fen per period */
  GPtrArray *months;   /* "2026-03" */
  guint      n_labels_drawn;
};

G_DEFINE_FINAL_TYPE (PlazaRentPreview, plaza_rent_preview, GTK_TYPE_WIDGET)

#define MARGIN_LEFT 56.0
#define MARGIN_BOTTOM 20.0
#define MARGIN_TOP 8.0
#define LABEL_GAP 8.0

/* A round step for about four gridlines over @max fen. */
static gint64
nice_step (gint64 max)
{
  gint64 step = 100;   /* ¥1 */

  while (step * 4 < max)
    {
      if (step * 2 * 4 >= max)
        return step * 2;
      if (step * 5 * 4 >= max)
        return step * 5;
      step *= 10;
    }
  return step;
}

static char *
axis_label (gint64 fen)
{
  gint64 yuan = fen / 100;

  if (yuan >= 10000)
    {
      if (yuan % 10000 == 0)
        return g_strdup_printf (_("%lld万"), (long long) (yuan / 10000));
      return g_strdup_printf (_("%.1f万"), (double) yuan / 10000.0);
    }
  return g_strdup_printf ("¥%lld", (long long) yuan);
}

static void
draw_text (cairo_t    *cr,
           PangoLayout *layout,
           const char *text,
           double      x,
           double      y,
           double      xalign)
{
  int width, height;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x - xalign * width, y - height / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
plaza_rent_preview_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  PlazaRentPreview *self = PLAZA_RENT_PREVIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  g_autoptr(PangoLayout) layout = NULL;
  GdkRGBA fg, accent = { 0.21, 0.52, 0.89, 1.0 };
  GtkStyleContext *context;
  cairo_t *cr;
  gint64 max = 0, step;
  double plot_w, plot_h, bar_w;
  guint n = self->totals->len;
  double label_end = -G_MAXDOUBLE;

  self->n_labels_drawn = 0;
  if (width <= MARGIN_LEFT + 10 || height <= MARGIN_BOTTOM + MARGIN_TOP + 10)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (widget);
  gtk_style_context_get_color (context, &fg);
  gtk_style_context_lookup_color (context, "accent_bg_color", &accent);
  G_GNUC_END_IGNORE_DEPRECATIONS

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  layout = gtk_widget_create_pango_layout (widget, NULL);
  {
    PangoFontDescription *font = pango_font_description_copy (pango_context_get_font_description (pango_layout_get_context (layout)));
    pango_font_description_set_size (font, pango_font_description_get_size (font) * 4 / 5);
    pango_layout_set_font_description (layout, font);
    pango_font_description_free (font);
  }

  plot_w = width - MARGIN_LEFT - 4;
  plot_h = height - MARGIN_TOP - MARGIN_BOTTOM;

  for (guint i = 0; i < n; i++)
    max = MAX (max, g_array_index (self->totals, gint64, i));
  step = nice_step (MAX (max, 100));
  max = MAX (step, ((max + step - 1) / step) * step);

  /* Gridlines and the value axis. */
  cairo_set_line_width (cr, 1.0);
  for (gint64 v = 0; v <= max; v += step)
    {
      double y = MARGIN_TOP + plot_h - plot_h * (double) v / (double) max;
      g_autofree char *label = axis_label (v);

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, v == 0 ? 0.5 : 0.12);
      cairo_move_to (cr, MARGIN_LEFT, (int) y + 0.5);
      cairo_line_to (cr, MARGIN_LEFT + plot_w, (int) y + 0.5);
      cairo_stroke (cr);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.7);
      draw_text (cr, layout, label, MARGIN_LEFT - 6, y, 1.0);
    }

  if (n == 0)
    {
      cairo_destroy (cr);
      return;
    }

  bar_w = plot_w / n;
  for (guint i = 0; i < n; i++)
    {
      gint64 total = g_array_index (self->totals, gint64, i);
      double h = plot_h * (double) total / (double) max;
      double x = MARGIN_LEFT + i * bar_w;
      double gap = bar_w > 6 ? MAX (1.0, bar_w * 0.2) : 0.5;

      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.85);
      cairo_rectangle (cr, x + gap / 2, MARGIN_TOP + plot_h - h, bar_w - gap, h);
      cairo_fill (cr);
    }

  /* Month labels, measured with Pango: one that would touch the last one
   * drawn is skipped, as is one pushed too far from its bar by the edges. */
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.7);
  for (guint i = 0; i < n; i++)
    {
      double centre = MARGIN_LEFT + (i + 0.5) * bar_w;
      int label_w, label_h;
      double left;

      pango_layout_set_text (layout, g_ptr_array_index (self->months, i), -1);
      pango_layout_get_pixel_size (layout, &label_w, &label_h);
      /* Centred under its bar, kept off the value axis and inside the chart. */
      left = CLAMP (centre - label_w / 2.0, MARGIN_LEFT - 2, width - label_w);
      if (left < label_end + LABEL_GAP || left > centre || left + label_w < centre)
        continue;
      cairo_move_to (cr, left, MARGIN_TOP + plot_h + MARGIN_BOTTOM / 2 + 1 - label_h / 2.0);
      pango_cairo_show_layout (cr, layout);
      label_end = left + label_w;
      self->n_labels_drawn++;
    }
  cairo_destroy (cr);
}

static void
plaza_rent_preview_measure (GtkWidget      *widget G_GNUC_UNUSED,
                            GtkOrientation  orientation,
                            int             for_size G_GNUC_UNUSED,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline G_GNUC_UNUSED,
                            int            *natural_baseline G_GNUC_UNUSED)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 360;
    }
  else
    {
      *minimum = 100;
      *natural = 140;
    }
}

static void
plaza_rent_preview_finalize (GObject *object)
{
  PlazaRentPreview *self = PLAZA_RENT_PREVIEW (object);

  g_array_unref (self->totals);
  g_ptr_array_unref (self->months);
  G_OBJECT_CLASS (plaza_rent_preview_parent_class)->finalize (object);
}

static void
plaza_rent_preview_class_init (PlazaRentPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = plaza_rent_preview_finalize;
  widget_class->snapshot = plaza_rent_preview_snapshot;
  widget_class->measure = plaza_rent_preview_measure;
  gtk_widget_class_set_css_name (widget_class, "rent-preview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
plaza_rent_preview_init (PlazaRentPreview *self)
{
  self->totals = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->months = g_ptr_array_new_with_free_func (g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Monthly rent chart"), -1);
}

GtkWidget *
plaza_rent_preview_new (void)
{
  return g_object_new (PLAZA_TYPE_RENT_PREVIEW, NULL);
}

void
plaza_rent_preview_set_schedule (PlazaRentPreview *self,
                                 GArray           *schedule)
{
  g_return_if_fail (PLAZA_IS_RENT_PREVIEW (self));

  g_array_set_size (self->totals, 0);
  g_ptr_array_set_size (self->months, 0);
  for (guint i = 0; schedule != NULL && i < schedule->len; i++)
    {
      const PlazaRentPeriod *p = &g_array_index (schedule, PlazaRentPeriod, i);

      g_array_append_val (self->totals, p->total);
      g_ptr_array_add (self->months, g_strdup (p->month));
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
plaza_rent_preview_get_n_bars (PlazaRentPreview *self)
{
  g_return_val_if_fail (PLAZA_IS_RENT_PREVIEW (self), 0);
  return self->totals->len;
}

/* How many month labels the last drawing showed (the others would overlap). */
guint
plaza_rent_preview_get_n_labels (PlazaRentPreview *self)
{
  g_return_val_if_fail (PLAZA_IS_RENT_PREVIEW (self), 0);
  return self->n_labels_drawn;
}
