package dev.ferry.antenna.api;

/**
 * Absolute URLs of the API's objects (the serializers' {@code details} fields) and of media files.
 *
 * @param root      the server root without a trailing slash ({@code http://localhost:8000})
 * @param mediaBase the URL prefix of stored files (detection crops), ending with {@code /}
 */
public record Links(String root, String mediaBase) {

    public static Links of(ApiRequest request, String mediaBase) {
        return new Links(request.root(), mediaBase != null ? mediaBase : request.root() + "/media/");
    }

    public String api(String collection, long id) {
        return root + "/api/v2/" + collection + "/" + id + "/";
    }

    /** {@code get_media_url}: an absolute http(s) path is kept, anything else is a stored file's path. */
    public String media(String path) {
        if (path.startsWith("http://") || path.startsWith("https://")) {
            return path;
        }
        return mediaBase + (path.startsWith("/") ? path.substring(1) : path);
    }
}
