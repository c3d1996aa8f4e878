//! Inline mode: `@bot 问题` in any chat offers up to ten cited answers to post there; `@bot` alone offers
//! the main targets and example questions; a question the report does not answer offers nothing to post.

use super::guard::{guarded, HandlerResult};
use super::html::{highlighted, paginate, Block, Span, MAX_MESSAGE_LEN};
use super::reply::no_link_preview;
use super::state::BotContext;
use super::{texts, views, BotApi};
use crate::answer::{Answer, Answered, Hit, Language, Outcome};
use crate::questionlog::{ChatKind, QuestionRecord, Via};
use chrono::Utc;
use std::sync::Arc;
use std::time::Instant;
use teloxide::payloads::AnswerInlineQuerySetters;
use teloxide::prelude::*;
use teloxide::types::{
    InlineQueryResult, InlineQueryResultArticle, InlineQueryResultsButton,
    InlineQueryResultsButtonKind, InputMessageContent, InputMessageContentText, ParseMode,
};

/// Results offered for one query: enough to find the right excerpt, few enough that each query
/// costs only a few engine pages.
const MAX_RESULTS: usize = 10;
/// How long Telegram may reuse an answer to the same query. The report does not change while the bot
/// runs, so longer only saves work; shorter would matter only after a restart with new reports.
const CACHE_SECONDS: u32 = 300;
/// Titles and descriptions are one line in Telegram's result list: longer text is clipped with `…`
/// here rather than cut anywhere by the client.
const MAX_TITLE_CHARS: usize = 120;
/// Inline queries are at most 256 characters (Telegram's limit); the engine gets no more.
const MAX_QUERY_CHARS: usize = 256;
/// The /start payload of the button shown above the results.
const START_PARAMETER: &str = "inline";

/// Entry point for every inline query.
pub async fn on_inline_query<B: BotApi>(
    bot: B,
    ctx: Arc<BotContext>,
    update: Update,
    query: InlineQuery,
) -> HandlerResult {
    guarded(&update, handle_inline_query(bot, ctx, query)).await
}

async fn handle_inline_query<B: BotApi>(
    bot: B,
    ctx: Arc<BotContext>,
    query: InlineQuery,
) -> HandlerResult {
    let started = Instant::now();
    let asked_at = Utc::now();
    let question: String = query.query.trim().chars().take(MAX_QUERY_CHARS).collect();
    let language = Language::from_code(query.from.language_code.as_deref());
    let offer = inline_offer(&ctx, &question, language);
    tracing::info!(results = offer.results.len(), "inline query answered");
    let answer = offer.answer;
    bot.answer_inline_query(query.id, offer.results)
        .cache_time(CACHE_SECONDS)
        .button(InlineQueryResultsButton {
            text: offer.button,
            kind: InlineQueryResultsButtonKind::StartParameter(START_PARAMETER.to_owned()),
        })
        .send()
        .await?;
    // Telegram sends a query per keystroke; only the last counts, but which is last is unknown here, so
    // each is logged (a maintainer sees the partial ones grouped apart).
    if let (Some(log), Some(answer)) = (&ctx.log, answer) {
        log.record(QuestionRecord {
            id: log.next_id(),
            asked_at,
            chat: log.user_key(query.from.id.0),
            kind: ChatKind::Inline,
            via: Via::Inline,
            question,
            understood: None,
            outcome: answer.outcome.kind(),
            top_hit: answer.hits().first().map(|hit| hit.id.to_string()),
            latency_us: u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX),
        });
    }
    Ok(())
}

/// What an inline query is offered: articles a user may post, and the words on the button that opens a
/// private chat with the bot.
#[derive(Debug, Clone)]
pub struct InlineOffer {
    pub results: Vec<InlineQueryResult>,
    pub button: String,
    /// The answer to the question, for the question log; `None` for the empty query.
    pub answer: Option<Answer>,
}

/// The offer for `question`: for an empty query the plan year's main targets and example questions with
/// their answers; for a question, its cited answers. A refusal is never a result (a user could post it
/// into a group as if it were an answer): the button says the report has none and leads to a private
/// chat, where the refusal's near topics are offered.
pub fn inline_offer(ctx: &BotContext, question: &str, language: Language) -> InlineOffer {
    let (start, not_found) = match language {
        Language::Chinese => (texts::INLINE_START_BUTTON, texts::INLINE_NOT_FOUND_BUTTON),
        Language::English => (
            texts::en::INLINE_START_BUTTON,
            texts::en::INLINE_NOT_FOUND_BUTTON,
        ),
    };
    if question.is_empty() {
        return InlineOffer {
            results: starter_results(ctx),
            button: start.to_owned(),
            answer: None,
        };
    }
    let answer = ctx.engine.ask(question);
    let results = inline_results(ctx, &answer);
    let button = if results.is_empty() { not_found } else { start };
    InlineOffer {
        results,
        button: button.to_owned(),
        answer: Some(answer),
    }
}

/// The empty query's results: the main targets as one article, then each example question with its
/// answer (the first result of asking it).
fn starter_results(ctx: &BotContext) -> Vec<InlineQueryResult> {
    let engine = &ctx.engine;
    let targets = engine.targets();
    let mut results: Vec<InlineQueryResult> = targets
        .first()
        .and_then(|first| {
            let title = texts::targets_header(first.period.last_year());
            let description = texts::inline_targets_description(
                targets.iter().map(|target| target.metric.as_str()),
            );
            let message = paginate(&views::targets_blocks(engine), MAX_MESSAGE_LEN);
            article("targets", &title, &description, message)
        })
        .into_iter()
        .collect();
    for (i, example) in ctx.examples.iter().enumerate() {
        let answer = inline_results(ctx, &engine.ask(example)).into_iter().next();
        if let Some(InlineQueryResult::Article(mut answer)) = answer {
            answer.id = format!("example-{i}");
            answer.description = Some(clip(&answer.title));
            answer.title = clip(example);
            results.push(InlineQueryResult::Article(answer));
        }
    }
    results
}

/// One article per hit (the direct answer, or the hit itself, as title; the citation as description;
/// answer and excerpt as the message); none when the report has no answer.
pub fn inline_results(ctx: &BotContext, answer: &Answer) -> Vec<InlineQueryResult> {
    let question = answer.question.as_str();
    let answered = match &answer.outcome {
        Outcome::Answered(answered) => answered,
        Outcome::SmallTalk(_) | Outcome::Refused(_) => return Vec::new(),
        Outcome::NearMiss(near_miss) => {
            let message = paginate(&views::answer_blocks(answer), MAX_MESSAGE_LEN);
            let description = near_miss
                .nearest
                .first()
                .map_or("", |hit| hit.text.as_str());
            return article(
                "near-miss",
                &texts::near_miss(&near_miss.missing),
                description,
                message,
            )
            .into_iter()
            .collect();
        }
    };
    let hits = all_hits(ctx, question, answered);
    hits.iter()
        .enumerate()
        .filter_map(|(i, hit)| {
            let direct = answered.direct.as_deref().filter(|_| i == 0);
            let title = direct.unwrap_or(&hit.text);
            let mut blocks: Vec<Block> = direct
                .map(|direct| Block::text(vec![Span::bold(direct)]))
                .into_iter()
                .collect();
            blocks.push(Block::quote(
                highlighted(&hit.excerpt, &hit.highlights),
                vec![Span::italic(&hit.citation)],
            ));
            let message = paginate(&blocks, MAX_MESSAGE_LEN);
            article(&i.to_string(), title, &hit.citation, message)
        })
        .collect()
}

/// The answer's hits followed by further pages (the engine's pages never repeat a hit), up to
/// [`MAX_RESULTS`].
fn all_hits(ctx: &BotContext, question: &str, first: &Answered) -> Vec<Hit> {
    let mut hits = first.hits.clone();
    let mut more = first.more;
    while hits.len() < MAX_RESULTS && more {
        let Outcome::Answered(page) = ctx.engine.ask_more(question, hits.len()).outcome else {
            break;
        };
        if page.hits.is_empty() {
            break;
        }
        more = page.more;
        hits.extend(page.hits);
    }
    hits.truncate(MAX_RESULTS);
    hits
}

/// An article whose message is the first rendered part (a part is at most 4096 characters).
fn article(
    id: &str,
    title: &str,
    description: &str,
    message: Vec<String>,
) -> Option<InlineQueryResult> {
    let text = message.into_iter().next()?;
    let content = InputMessageContentText::new(text)
        .parse_mode(ParseMode::Html)
        .link_preview_options(no_link_preview());
    let mut article =
        InlineQueryResultArticle::new(id, clip(title), InputMessageContent::Text(content));
    if !description.is_empty() {
        article = article.description(clip(description));
    }
    Some(InlineQueryResult::Article(article))
}

/// One line of the result list, cut to [`MAX_TITLE_CHARS`].
fn clip(text: &str) -> String {
    if text.chars().count() <= MAX_TITLE_CHARS {
        return text.to_owned();
    }
    let mut clipped: String = text.chars().take(MAX_TITLE_CHARS - 1).collect();
    clipped.push('…');
    clipped
}
