# Multi-stage build: compile in the Rust image, run on distroless (glibc + libgcc, no shell, no package
# manager, no OpenSSL) as its non-root user. The reports are compiled into the binary and TLS is rustls with
# built-in roots, so the runtime stage needs nothing but the binary and the database volume.
# tests/dockerfile.rs checks what can be checked without Docker: the copied paths, the binary, the settings.
FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock build.rs ./
COPY src src
COPY migrations migrations
COPY benches benches
COPY knowledge knowledge
COPY vendor vendor
RUN cargo build --release --locked --bin report-bot \
 && mkdir -p /app/data

FROM gcr.io/distroless/cc-debian12:nonroot
WORKDIR /app
COPY --from=build /src/target/release/report-bot /usr/local/bin/report-bot
# A fresh named volume takes the owner of the folder it is mounted on: the nonroot user (65532).
COPY --from=build --chown=65532:65532 /app/data /app/data
ENV DATABASE_URL=sqlite:///app/data/report-bot.db
VOLUME ["/app/data"]
USER nonroot
ENTRYPOINT ["/usr/local/bin/report-bot"]
CMD ["serve"]
