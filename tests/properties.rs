//! The fuzz targets' properties (fuzz/, docs/fuzzing.md) as proptests, so that CI checks them on every
//! run without a nightly toolchain or cargo-fuzz.

pub mod support;

use proptest::prelude::*;
use report_bot::answer::Engine;
use std::sync::OnceLock;
use support::properties;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        Engine::load(&support::fixtures::knowledge_dir()).expect("the knowledge folder loads")
    })
}

/// Text mixing the report's own characters, digits, ASCII, markup and emoji, as questions do.
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            proptest::sample::select(
                "粮食总产GDP目标多少亿元西平县2022年是什么意思<>&\"'/*:点半晚上pm+08UTC-😀 \n\t#@"
                    .chars()
                    .collect::<Vec<_>>()
            ),
            any::<char>(),
        ],
        0..60,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_question_renders_valid_html_within_the_limit(question in text()) {
        properties::question_renders(engine(), &question);
    }

    #[test]
    fn any_callback_data_is_refused_or_round_trips(data in prop_oneof![
        "(s|m|g|gp|q|t|x):[0-9a-fA-F:/g.-]{0,70}",
        text(),
    ]) {
        properties::callback_data_round_trips(&data);
    }

    #[test]
    fn any_subscribe_arguments_are_refused_or_read_back(args in prop_oneof![
        "(早上|晚上|下午|中午|凌晨)?[0-9]{1,3}(:[0-9]{1,3}|点半|点|时)?(am|pm| PM)?( (UTC|GMT)?[+-][0-9]{1,2}(:[0-9]{2})?| Europe/Berlin)?",
        text(),
    ]) {
        properties::subscribe_args_read_back(&args);
    }

    #[test]
    fn any_report_files_load_or_are_refused(body in text(), toml_text in "[a-z_ =\"0-9\n-]{0,80}") {
        properties::report_files_load(&toml_text, &body);
        properties::report_files_load(include_str!("../knowledge/reports/xiping-2022/report.toml"), &body);
    }
}
