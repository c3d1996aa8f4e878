# Multi-stage build: compile in the Rust image, run in a small Debian image as a non-root user.
FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY src src
COPY migrations migrations
COPY benches benches
COPY knowledge knowledge
RUN cargo build --release --locked --bin report-bot

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates libssl3 \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin bot \
 && mkdir -p /app/data && chown bot /app/data
WORKDIR /app
COPY --from=build /src/target/release/report-bot /usr/local/bin/report-bot
COPY knowledge /app/knowledge
ENV KNOWLEDGE_DIR=/app/knowledge \
    DATABASE_URL=sqlite:///app/data/report-bot.db \
    RUST_LOG=info
VOLUME ["/app/data"]
USER bot
CMD ["report-bot", "serve"]
