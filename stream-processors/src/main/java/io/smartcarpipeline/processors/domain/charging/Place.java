package io.smartcarpipeline.processors.domain.charging;

import io.smartcarpipeline.events.Location;

/**
 * A location kept in session state (plain, so it serialises as JSON in the state store).
 *
 * @param latitude degrees
 * @param longitude degrees
 * @param heading degrees or null
 * @param direction compass point or null
 * @param locationType CURRENT / LAST_PARKED or null
 */
public record Place(
    double latitude, double longitude, Double heading, String direction, String locationType) {

  static Place of(Location l) {
    return new Place(
        l.getLatitude(), l.getLongitude(), l.getHeading(), l.getDirection(), l.getLocationType());
  }

  Location toAvro() {
    return new Location(latitude, longitude, heading, direction, locationType);
  }
}
