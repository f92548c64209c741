# syntax=docker/dockerfile:1
#
# One Dockerfile for every MDM Twin application module. The module is chosen with the build arg SERVICE:
#
#   docker build --build-arg SERVICE=school-service -t mdm/school-service .
#
# SERVICE is one of: gateway, config-server, discovery, auth-service, school-service, finance-service,
# ml-service, alert-service, optimization-service, report-service, notification-service.
#
# Stages
#   build    JDK 25 + the project's Maven wrapper: ./mvnw -pl $SERVICE -am package -DskipTests
#            (the code is Java 21 bytecode; it runs unchanged on the JDK 25 runtime below)
#   extract  Spring Boot's layered extraction (java -Djarmode=tools ... extract --layers), so that the
#            dependency layers stay cached across builds that change only application code
#   runtime  JRE 25, non-root user 10001, starts the extracted application with `java -jar app.jar`
#
# Needs BuildKit (the default builder since Docker Engine 23) for the Maven cache mount and the heredoc.
# There is no HEALTHCHECK here: docker-compose.yml and the Kubernetes probes define the health checks.
#
# Optional JVM AOT cache (JDK 25, JEP 514/515): --build-arg AOT_CACHE=true adds a training run at build
# time and the image then starts with -XX:AOTCache. The training run starts the application up to the
# refresh of its context with config server, discovery and Flyway switched off and no database, Kafka or
# Redis reachable; whatever it fails to load is simply not cached. It is off by default; see
# deploy/README.md before turning it on.

ARG JDK_IMAGE=eclipse-temurin:25-jdk-noble
ARG JRE_IMAGE=eclipse-temurin:25-jre-noble

# ---------------------------------------------------------------------------------------------------
FROM ${JDK_IMAGE} AS build
ARG SERVICE
RUN test -n "${SERVICE}" || { echo "build arg SERVICE is required, e.g. --build-arg SERVICE=school-service" >&2; exit 1; }
WORKDIR /workspace
# The whole reactor (filtered by .dockerignore): `-am` builds the platform modules the service uses.
COPY . .
# /cache/maven is a BuildKit cache (MAVEN_USER_HOME for the wrapper's Maven distribution, and the local
# repository) kept between builds of all services. The wrapper downloads Maven with Java when the image has
# neither wget nor curl, and picks the .tar.gz distribution when it has no unzip.
ENV MAVEN_USER_HOME=/cache/maven
RUN --mount=type=cache,target=/cache/maven,sharing=locked \
    sh ./mvnw -B -ntp -Dmaven.repo.local=/cache/maven/repository -pl "${SERVICE}" -am package -DskipTests \
 && { cp "${SERVICE}/target/${SERVICE}.jar" /workspace/app.jar \
      || { echo "expected ${SERVICE}/target/${SERVICE}.jar; target holds:" >&2; ls -l "${SERVICE}/target" >&2; exit 1; }; }

# ---------------------------------------------------------------------------------------------------
FROM ${JRE_IMAGE} AS extract
WORKDIR /extract
COPY --from=build /workspace/app.jar app.jar
# Produces layers/<layer>/ with app.jar (the application, its manifest naming lib/*.jar) and lib/.
# A layer can be empty for some modules; the mkdir makes sure every COPY below has a source.
RUN java -Djarmode=tools -jar app.jar extract --layers --destination layers \
 && mkdir -p layers/dependencies layers/spring-boot-loader layers/snapshot-dependencies layers/application

# ---------------------------------------------------------------------------------------------------
FROM ${JRE_IMAGE} AS runtime
ARG SERVICE
ARG AOT_CACHE=false
ARG AOT_TRAINING_OPTS="-Dspring.context.exit=onRefresh -Dspring.cloud.config.enabled=false -Dspring.cloud.discovery.enabled=false -Deureka.client.enabled=false -Dspring.flyway.enabled=false -Dspring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false -Dspring.sql.init.mode=never"

LABEL org.opencontainers.image.title="mdm-${SERVICE}" \
      org.opencontainers.image.description="MDM Twin ${SERVICE}" \
      org.opencontainers.image.vendor="MDM Twin"

# wget is only for the container health checks in docker-compose.yml: the Temurin JRE images ship
# neither curl nor wget. ml-service also needs libgomp1 (OpenMP), which XGBoost's native library links. The application user has a fixed numeric id so that Kubernetes can verify
# runAsNonRoot (the Ubuntu base already has uid 1000, "ubuntu").
RUN set -eux; \
    apt-get update; \
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wget; \
    if [ "${SERVICE}" = "ml-service" ]; then \
      DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libgomp1; \
    fi; \
    rm -rf /var/lib/apt/lists/*; \
    groupadd --system --gid 10001 mdm; \
    useradd --system --uid 10001 --gid mdm --home-dir /app --no-create-home --shell /usr/sbin/nologin mdm

WORKDIR /app
# Least to most frequently changed, one image layer each.
COPY --from=extract /extract/layers/dependencies/ ./
COPY --from=extract /extract/layers/spring-boot-loader/ ./
COPY --from=extract /extract/layers/snapshot-dependencies/ ./
COPY --from=extract /extract/layers/application/ ./

# Starts the extracted application. Arguments go to the application (e.g. --server.port=...); JVM flags
# come from JAVA_TOOL_OPTIONS; the AOT cache is used when the image has one. It runs under /bin/sh
# (ENTRYPOINT below) and `exec`s java, so java is PID 1 and receives SIGTERM for graceful shutdown.
COPY --chmod=755 <<'EOF' /app/entrypoint.sh
set -eu
if [ -f /app/app.aot ]; then
  set -- -XX:AOTCache=/app/app.aot -jar /app/app.jar "$@"
else
  set -- -jar /app/app.jar "$@"
fi
exec java "$@"
EOF

# Optional AOT cache training run (see the header). A run that fails leaves no cache or a cache of the
# classes loaded so far; the JVM checks the cache when it starts and runs without it when it does not fit.
RUN if [ "${AOT_CACHE}" = "true" ]; then \
      timeout 600 java -XX:AOTCacheOutput=/app/app.aot ${AOT_TRAINING_OPTS} -jar /app/app.jar \
        || echo "AOT training run for ${SERVICE} ended with an error; the image uses whatever cache it wrote"; \
      ls -l /app/app.aot 2>/dev/null || echo "no AOT cache written for ${SERVICE}"; \
    fi

ENV TZ=Asia/Kolkata \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError"

USER 10001:10001
ENTRYPOINT ["/bin/sh", "/app/entrypoint.sh"]
