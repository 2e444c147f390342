package coach.core;

/** A file to send along with a reply (a material as Markdown, for example). */
public record Document(String fileName, String mimeType, byte[] content) {
}
