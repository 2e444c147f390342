# syntax=docker/dockerfile:1
# Build stage: Maven with JDK 17 builds the shaded jar (knowledge base included).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY bot/pom.xml bot/
COPY bot/bench/pom.xml bot/bench/
RUN mvn -B -q -pl bot -am dependency:go-offline
COPY bot bot
COPY knowledge-base knowledge-base
# The class-data-sharing archive is written in the runtime stage, by the JRE that runs it.
# -pl bot: the product jar only (the benchmarks in bot/bench are not part of the image)
RUN mvn -B -q -DskipTests -Dcoach.cds.skip=true -pl bot package

# Runtime stage: JRE 17 only, non-root user, state in /data, token only from the environment.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /data coach && mkdir -p /data && chown coach /data
COPY --from=build /src/bot/target/coach.jar /app/coach.jar
# AppCDS archive for a faster cold start, written by this image's JRE from a short training run
# (an archive is valid only for the JVM that wrote it and this jar). If it cannot be written the tool
# says so and the image runs without it (-XX:SharedArchiveFile of a missing file is ignored).
RUN java -cp /app/coach.jar coach.cli.CdsArchiveTool /app/coach.jar /app/coach.jsa
USER coach
ENV COACH_DATA_DIR=/data
VOLUME ["/data"]
WORKDIR /data
# TELEGRAM_BOT_TOKEN set: the Telegram bot; unset: the console (run with -it).
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/coach.jsa", "-XX:+UseSerialGC", "-Xmx128m", "-jar", "/app/coach.jar"]
