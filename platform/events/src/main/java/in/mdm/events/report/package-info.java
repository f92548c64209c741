/** Report events published by report-service. */
package in.mdm.events.report;
