/** Events published by finance-service; amounts are exact rupees. */
package in.mdm.events.finance;
