create table probes
(
    udise_code char(11) primary key,
    name       text not null
);
