# syntax=docker/dockerfile:1
# Build stage: Maven with JDK 17 builds the shaded jar (knowledge base included).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY bot/pom.xml bot/
RUN mvn -B -q -pl bot -am dependency:go-offline
COPY bot bot
COPY knowledge-base knowledge-base
RUN mvn -B -q -DskipTests package

# Runtime stage: JRE 17 only, non-root user, state in /data, token only from the environment.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /data coach && mkdir -p /data && chown coach /data
COPY --from=build /src/bot/target/coach.jar /app/coach.jar
USER coach
ENV COACH_DATA_DIR=/data
VOLUME ["/data"]
WORKDIR /data
# TELEGRAM_BOT_TOKEN set: the Telegram bot; unset: the console (run with -it).
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-Xmx128m", "-jar", "/app/coach.jar"]
