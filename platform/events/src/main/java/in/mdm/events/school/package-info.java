/** Events published by school-service, the twin's ground truth. */
package in.mdm.events.school;
