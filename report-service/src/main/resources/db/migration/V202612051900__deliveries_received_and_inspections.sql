-- Deliveries received (DeliveryReceived), on time or not, placed where they arrived: a school's, or a kitchen's
-- (udise_code null) by its district and block.
create table fact_deliveries_received
(
    delivery_id   uuid                     not null,
    udise_code    varchar(11),
    kitchen_id    uuid,
    district_code varchar(6),
    block_code    varchar(6),
    commodity     varchar(32),
    promised_on   date                     not null,
    received_on   date                     not null,
    on_time       boolean                  not null,
    quantity_kg   numeric(14, 3),
    occurred_at   timestamp with time zone not null,
    constraint fact_deliveries_received_pkey primary key (delivery_id)
);
create index fact_deliveries_received_by_day on fact_deliveries_received (received_on);

-- Inspections recorded (InspectionRecorded): the meal's quality score (0-100) by school and day.
create table fact_inspections
(
    inspection_id uuid                     not null,
    udise_code    varchar(11)              not null,
    inspected_on  date                     not null,
    score         int                      not null,
    next_due_on   date,
    occurred_at   timestamp with time zone not null,
    constraint fact_inspections_pkey primary key (inspection_id)
);
create index fact_inspections_by_day on fact_inspections (inspected_on);
