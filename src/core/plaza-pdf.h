/* plaza-pdf.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every document Plaza writes shares.
 */

#pragma once

/* The font of documents and charts. WenQuanYi Micro Hei (TrueType) comes
 * first because Debian 12's cairo embeds some glyphs of Noto Sans CJK
 * (CFF outlines) into PDF without their outline: 如 prints blank while
 * pdftotext still finds it, so a tenant called 如家 would vanish from its
 * own notice. Noto Sans CJK SC, then Sans, where WenQuanYi is missing.
 * tests/test-chart.c checks that 如 leaves ink in a PDF. */
#define PLAZA_DOCUMENT_FONT "WenQuanYi Micro Hei,Noto Sans CJK SC,Sans"
