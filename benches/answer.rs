//! Answering speed: the whole question set (normalise + tokenize + search + compose) and start-up (load
//! knowledge, build the index, first answer; and the jieba dictionary on its own, which the process pays
//! once).

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use report_bot::answer::eval::parse_cases;
use report_bot::answer::Engine;
use report_bot::knowledge::Library;

fn knowledge_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge")
}

fn questions() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/questions.tsv");
    let text = std::fs::read_to_string(path).expect("question set");
    parse_cases(&text)
        .expect("valid question set")
        .into_iter()
        .map(|case| case.question)
        .collect()
}

/// Median, p99 and max of single answers over the question set, printed next to criterion's figures.
fn percentiles(engine: &Engine, questions: &[String]) {
    let mut times: Vec<Duration> = Vec::new();
    for _ in 0..50 {
        for question in questions {
            let started = Instant::now();
            black_box(engine.ask(black_box(question)));
            times.push(started.elapsed());
        }
    }
    times.sort_unstable();
    let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
    println!(
        "answer latency over {} answers: median {:?}, p90 {:?}, p99 {:?}, max {:?}",
        times.len(),
        at(0.5),
        at(0.9),
        at(0.99),
        at(1.0)
    );
}

fn answering(c: &mut Criterion) {
    let engine = Engine::load(&knowledge_dir()).expect("engine");
    let questions = questions();
    percentiles(&engine, &questions);
    c.bench_function("answer/question set, per question", |b| {
        b.iter_custom(|iterations| {
            let started = Instant::now();
            for _ in 0..iterations {
                for question in &questions {
                    black_box(engine.ask(black_box(question)));
                }
            }
            started.elapsed() / questions.len() as u32
        })
    });
    for question in [
        "2022年GDP目标是多少",
        "去年粮食总产多少",
        "四张清单是什么意思",
        "明天天气怎么样",
    ] {
        c.bench_function(&format!("answer/{question}"), |b| {
            b.iter(|| engine.ask(black_box(question)))
        });
    }
}

fn start_up(c: &mut Criterion) {
    let mut group = c.benchmark_group("startup");
    group.sample_size(10);
    let dir = knowledge_dir();
    group.bench_function("jieba dictionary + user dictionary", |b| {
        let user_dict = Library::load(&dir).expect("library").user_dict;
        b.iter(|| {
            let mut jieba = jieba_rs::Jieba::new();
            jieba
                .load_dict(&mut user_dict.as_bytes())
                .expect("user dictionary");
            black_box(jieba)
        })
    });
    group.bench_function(
        "load knowledge + build index + first answer (jieba shared)",
        |b| {
            b.iter(|| {
                let engine = Engine::load(&dir).expect("engine");
                black_box(engine.ask("2022年GDP目标是多少"))
            })
        },
    );
    group.finish();
}

criterion_group!(benches, answering, start_up);
criterion_main!(benches);
