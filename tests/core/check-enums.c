/* check-enums.c: parsing the text names of enumerations. */
#include "ally/contract.h"
#include "ally/enums.h"
#include "ally/partner.h"
#include "ally/phase.h"
#include "ally/renewal.h"
#include "core-test.h"

START_TEST(parse_ignores_case_and_dashes)
{
	ck_assert_int_eq(enum_parse(partner_type_names, "channel"), PTYPE_CHANNEL);
	ck_assert_int_eq(enum_parse(partner_type_names, "Joint-Venture"), PTYPE_JOINT_VENTURE);
	ck_assert_int_eq(enum_parse(partner_type_names, "JOINT_VENTURE"), PTYPE_JOINT_VENTURE);
	ck_assert_int_eq(enum_parse(phase_names, "ramp-up"), PHASE_RAMP_UP);
	ck_assert_int_eq(enum_parse(phase_names, "prospect"), PHASE_PROSPECT);
	ck_assert_int_eq(enum_parse(phase_names, "exit"), PHASE_EXIT);
}
END_TEST

START_TEST(parse_refuses_near_misses)
{
	ck_assert_int_eq(enum_parse(partner_type_names, "chan"), -1);
	ck_assert_int_eq(enum_parse(partner_type_names, "channels"), -1);
	ck_assert_int_eq(enum_parse(partner_type_names, " channel"), -1);
	ck_assert_int_eq(enum_parse(partner_type_names, ""), -1);
	ck_assert_int_eq(enum_parse(partner_type_names, NULL), -1);
	ck_assert_int_eq(enum_parse(phase_names, "ramp up"), -1);
}
END_TEST

START_TEST(parse_field_lists_the_choices)
{
	struct ally_err err;

	ally_err_clear(&err);
	ck_assert_int_eq(enum_parse_field(partner_type_names, "Referral", "type", &err),
			 PTYPE_REFERRAL);
	ck_assert_int_eq(err.status, ALLY_OK);
	ck_assert_int_eq(enum_parse_field(partner_type_names, "foo", "type", &err), -1);
	ck_assert_int_eq(err.status, ALLY_EUSER);
	ck_assert_str_eq(err.msg, "type: 'foo' is not one of: strategic_alliance, channel, "
				  "technology, co_marketing, referral, joint_venture");
	ck_assert_int_eq(enum_parse_field(health_names, "", "health", &err), -1);
	ck_assert_str_eq(err.msg, "health: '' is not one of: green, amber, red");
}
END_TEST

START_TEST(name_of_value)
{
	ck_assert_str_eq(enum_name(partner_type_names, PTYPE_CO_MARKETING), "co_marketing");
	ck_assert_str_eq(enum_name(phase_names, PHASE_STEADY_STATE), "steady_state");
	ck_assert_ptr_null(enum_name(partner_type_names, -1));
	ck_assert_ptr_null(enum_name(partner_type_names, PTYPE_COUNT));
}
END_TEST

START_TEST(counts_match_the_enums)
{
	ck_assert_int_eq(enum_count(partner_type_names), PTYPE_COUNT);
	ck_assert_int_eq(enum_count(partner_origin_names), ORIGIN_COUNT);
	ck_assert_int_eq(enum_count(partner_power_names), POWER_COUNT);
	ck_assert_int_eq(enum_count(partner_goal_names), GOAL_COUNT);
	ck_assert_int_eq(enum_count(health_names), HEALTH_COUNT);
	ck_assert_int_eq(enum_count(phase_names), PHASE_COUNT);
	ck_assert_int_eq(enum_count(contract_status_names), CSTATUS_COUNT);
	ck_assert_int_eq(enum_count(exclusivity_names), EXCL_COUNT);
	ck_assert_int_eq(enum_count(econ_model_names), ECON_COUNT);
	ck_assert_int_eq(enum_count(band_names), BAND_COUNT);
}
END_TEST

int main(void)
{
	const struct test_case cases[] = {
		{ "enum_parse", parse_ignores_case_and_dashes },
		{ "enum_parse", parse_refuses_near_misses },
		{ "enum_parse_field", parse_field_lists_the_choices },
		{ "enum_name", name_of_value },
		{ "enum_count", counts_match_the_enums },
	};

	return run_suite(suite_from("enums", cases, sizeof cases / sizeof cases[0]));
}
