package coach.core;

/**
 * A picture to show with a reply (a progress chart): the transport shows it as an image (Telegram
 * sendPhoto), the console saves it to a file and prints the path.
 *
 * @param fileName a name for the file, e.g. {@code progress.png}
 * @param mimeType {@code image/png}
 * @param content  the encoded image
 */
public record Photo(String fileName, String mimeType, byte[] content) {
    public static Photo png(String fileName, byte[] content) {
        return new Photo(fileName, "image/png", content);
    }
}
