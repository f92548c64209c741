/** Predictions published by ml-service. */
package in.mdm.events.ml;
