package dev.atelier.ingest.internal;

import dev.atelier.ingest.IngestProperties;
import dev.atelier.ingest.ReceivedUpload;
import dev.atelier.ingest.UploadTooLargeException;
import dev.atelier.shared.InvalidRequestException;
import dev.atelier.storage.BlobStore;
import dev.atelier.storage.BlobTooLargeException;
import dev.atelier.storage.StagedBlob;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Reads a {@code multipart/form-data} request as a stream: the {@code file} part goes straight
 * into the blob store's staging area (never into memory or a servlet temp file), form fields
 * are read up to a small limit. Fields may come before or after the file. One 1 MiB buffer per
 * upload, whatever its size.
 */
@Component
public class MultipartUploads {

    private static final int BUFFER = 1024 * 1024;
    private static final int MAX_FIELD_BYTES = 16 * 1024;
    private static final int MAX_FIELDS = 32;

    private final BlobStore blobs;
    private final IngestProperties properties;

    MultipartUploads(BlobStore blobs, IngestProperties properties) {
        this.blobs = blobs;
        this.properties = properties;
    }

    public ReceivedUpload read(HttpServletRequest request) throws IOException {
        String boundary = boundaryOf(request.getContentType());
        long limit = properties.maxUpload().toBytes();
        if (request.getContentLengthLong() > limit + 64 * 1024) {
            throw new UploadTooLargeException(properties.maxUpload());
        }
        StagedBlob staged = null;
        String filename = null;
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            var multipart = new MultipartStream(request.getInputStream(), boundary, BUFFER);
            for (Map<String, String> headers; (headers = multipart.nextPart()) != null; ) {
                ContentDisposition disposition = disposition(headers);
                String name = disposition.getName() == null ? "" : disposition.getName();
                if (disposition.getFilename() == null) {
                    if (fields.size() >= MAX_FIELDS) {
                        throw new InvalidRequestException("Too many form fields.");
                    }
                    fields.put(name, readField(name, multipart.body()));
                } else if (name.equals("file")) {
                    if (staged != null) {
                        throw new InvalidRequestException("Send one file per upload request.");
                    }
                    filename = disposition.getFilename();
                    staged = blobs.stage(multipart.body(), limit);
                } else {
                    throw new InvalidRequestException("Unexpected file part '" + name + "'; name it 'file'.");
                }
            }
        } catch (BlobTooLargeException e) {
            throw new UploadTooLargeException(properties.maxUpload());
        } catch (MultipartStream.MalformedMultipartException e) {
            discard(staged);
            throw new InvalidRequestException("The multipart body could not be read: " + e.getMessage() + ".");
        } catch (RuntimeException | IOException e) {
            discard(staged);
            throw e;
        }
        if (staged == null) {
            throw new InvalidRequestException("The request has no part named 'file'.");
        }
        return new ReceivedUpload(staged, filename == null ? "" : filename, fields);
    }

    private static String boundaryOf(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            String boundary = type.getParameter("boundary");
            if (MediaType.MULTIPART_FORM_DATA.includes(type) && boundary != null) {
                return boundary.length() > 1 && boundary.startsWith("\"") && boundary.endsWith("\"")
                        ? boundary.substring(1, boundary.length() - 1) : boundary;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new InvalidRequestException("Send the file as multipart/form-data in a part named 'file'.");
    }

    private static ContentDisposition disposition(Map<String, String> headers) {
        String header = headers.get("content-disposition");
        if (header == null) {
            throw new InvalidRequestException("A multipart part has no Content-Disposition header.");
        }
        try {
            return ContentDisposition.parse(header);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("A multipart part has an unreadable Content-Disposition header.");
        }
    }

    private static String readField(String name, InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_FIELD_BYTES + 1);
        if (bytes.length > MAX_FIELD_BYTES) {
            throw new InvalidRequestException("The form field '" + name + "' is too long.");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void discard(StagedBlob staged) {
        if (staged != null) {
            staged.close();
        }
    }
}
