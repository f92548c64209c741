-- The cascade risk: the failing sources (kitchens, suppliers) last published per district, so that a
-- CascadeRiskDetected goes out once per source and change of level or of the schools exposed, not on every
-- assessment (the assessment itself is computed from the feature store's tables when asked for).
create table cascade_sources
(
    district_code varchar(8)  not null,
    source_kind   varchar(8)  not null,
    source_code   varchar(40) not null,
    level         varchar(8)  not null,
    affected_hash varchar(64) not null,
    schools       integer     not null,
    children      integer     not null,
    published_at  timestamp with time zone not null,
    constraint cascade_sources_pkey primary key (district_code, source_kind, source_code),
    constraint cascade_sources_level check (level in ('CRITICAL', 'HIGH'))
);
