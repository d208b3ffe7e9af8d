/* plaza-core.h
 *
 * Copyright 2026 The Plaza authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "plaza-arrears.h"
#include "plaza-attachment.h"
#include "plaza-billing.h"
#include "plaza-billing-query.h"
#include "plaza-chart.h"
#include "plaza-contract.h"
#include "plaza-contract-alerts.h"
#include "plaza-contract-pdf.h"
#include "plaza-contract-schedule.h"
#include "plaza-contract-view.h"
#include "plaza-csv.h"
#include "plaza-date.h"
#include "plaza-demo.h"
#include "plaza-export.h"
#include "plaza-fitout.h"
#include "plaza-health.h"
#include "plaza-import.h"
#include "plaza-io-delay-vfs.h"
#include "plaza-kpi.h"
#include "plaza-list-query.h"
#include "plaza-location.h"
#include "plaza-money.h"
#include "plaza-overview.h"
#include "plaza-payments.h"
#include "plaza-promotion-eval.h"
#include "plaza-promotion.h"
#include "plaza-record.h"
#include "plaza-rent.h"
#include "plaza-report.h"
#include "plaza-sales.h"
#include "plaza-store.h"
#include "plaza-targets.h"
#include "plaza-unit.h"
#include "plaza-zoning.h"
#include "plaza-worker.h"
