/* act-items.h: the changes a user makes to the items of a partner's
 * detail: contacts, reviews, action items, key figures and scorings.
 * Private to src/tui.
 *
 * Each asks through a form, a menu or a confirmation, checks every field
 * as it is left with the entity's core setter on a scratch record, writes
 * through the store in one transaction (so it lands in the audit log as
 * the CLI's changes do), then calls tui_changed and reports on the status
 * line.  Each returns true when something was saved; *added, when not
 * NULL, gets the id of a new item (0 otherwise), so the caller can
 * select it. */
#ifndef ALLY_TUI_ACT_ITEMS_H
#define ALLY_TUI_ACT_ITEMS_H

#include <stdbool.h>
#include <stdint.h>

#include "ally/figures.h"
#include "ally/partner.h"
#include "ally/store.h"

struct tui;

/* a / e in Contacts: c NULL adds one to partner_id, else edits c (its
 * version guards against a change made meanwhile). */
bool tui_act_contact(struct tui *t, int64_t partner_id, const struct contact *c, int64_t *added);

/* a in Reviews & actions: a menu (a review or an action item), then its
 * form.  *added_review tells which kind the new id is. */
bool tui_act_review_or_action(struct tui *t, int64_t partner_id, const struct review_list *reviews,
			      int64_t *added, bool *added_review);
bool tui_act_review_add(struct tui *t, int64_t partner_id, int64_t *added);
/* An action item, optionally from one of reviews (a choice in the form). */
bool tui_act_action_add(struct tui *t, int64_t partner_id, const struct review_list *reviews,
			int64_t *added);
/* Mark a done, or open again, after a confirmation. */
bool tui_act_action_toggle(struct tui *t, const struct action_item *a);

/* a / e in Key figures: set a metric's target and actual for a quarter;
 * the form starts at quarter and metric with the values of cur (NULL: a
 * new line, empty values). */
bool tui_act_figure(struct tui *t, int64_t partner_id, int quarter, int metric,
		    const struct quarter_figures *cur);

/* a / e in the Score card: a new scoring of the five criteria, dated
 * today, starting from the newest one of p. */
bool tui_act_score(struct tui *t, const struct partner *p);

#endif
