-- Weather per district from a public forecast API (Open-Meteo's format): the forecast in 6-hour blocks, each
-- with the source it came from and when it was fetched; each day's rain as last fetched (a past day's last
-- forecast counts as observed); the warnings issued, once per district, kind and period.

-- The last fetch of each district: where it was asked for, the last good answer, and whether the values kept
-- are stale (the last attempt failed: the source down, a bad answer, the breaker open).
create table weather_fetches
(
    district_code varchar(8)    not null,
    latitude      numeric(8, 4) not null,
    longitude     numeric(8, 4) not null,
    source        varchar(64),
    fetched_at    timestamp with time zone,
    attempted_at  timestamp with time zone not null,
    stale         boolean       not null,
    last_error    varchar(300),
    constraint weather_fetches_pkey primary key (district_code)
);

-- The forecast in 6-hour blocks (00-06, 06-12, 12-18, 18-24 India time); a newer fetch replaces a block.
create table weather_forecasts
(
    district_code varchar(8)   not null,
    block_start   timestamp with time zone not null,
    rain_mm       numeric(7, 1),
    max_temp_c    numeric(5, 1),
    max_wind_kmh  numeric(6, 1),
    source        varchar(64)  not null,
    fetched_at    timestamp with time zone not null,
    constraint weather_forecasts_pkey primary key (district_code, block_start)
);

-- Each day's rain (India time) as last fetched: observed once the day is past, a forecast until then.
create table weather_days
(
    district_code varchar(8)   not null,
    day           date         not null,
    rain_mm       numeric(7, 1) not null,
    heavy_rain    boolean      not null,
    source        varchar(64)  not null,
    fetched_at    timestamp with time zone not null,
    constraint weather_days_pkey primary key (district_code, day)
);

-- Warnings issued: one per district, kind and period; a graver forecast of the same period raises its grade
-- (and is published again), a lighter or equal one changes nothing.
create table weather_warnings
(
    id            uuid          not null,
    district_code varchar(8)    not null,
    kind          varchar(16)   not null,
    severity      varchar(8)    not null,
    grade         smallint      not null,
    valid_from    timestamp with time zone not null,
    valid_to      timestamp with time zone not null,
    measure       numeric(7, 1) not null,
    description   varchar(300)  not null,
    source        varchar(64)   not null,
    issued_at     timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    constraint weather_warnings_pkey primary key (id),
    constraint weather_warnings_once unique (district_code, kind, valid_from),
    constraint weather_warnings_kind check (kind in ('HEAVY_RAIN', 'HEAT', 'CYCLONE')),
    constraint weather_warnings_period check (valid_from < valid_to)
);
create index weather_warnings_active on weather_warnings (valid_to, district_code);
