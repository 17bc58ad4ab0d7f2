package dev.ferry.bench.incident;

/** The service's endpoints the UI sessions call, in report order. */
enum Endpoint {
    OCCURRENCE_LIST("GET /api/v2/occurrences/"),
    OCCURRENCE_DETAIL("GET /api/v2/occurrences/{id}/"),
    CAPTURE_LIST("GET /api/v2/captures/"),
    DEPLOYMENT_DETAIL("GET /api/v2/deployments/{id}/");

    final String route;

    Endpoint(String route) {
        this.route = route;
    }
}
