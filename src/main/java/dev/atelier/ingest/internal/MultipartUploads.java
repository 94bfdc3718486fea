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
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.springframework.stereotype.Component;

/**
 * Reads a {@code multipart/form-data} request as a stream: the {@code file} part goes straight
 * into the blob store's staging area (never into memory or a servlet temp file), form fields
 * are read up to a small limit. Fields may come before or after the file.
 */
@Component
public class MultipartUploads {

    private static final int MAX_FIELD_BYTES = 16 * 1024;
    private static final int MAX_FIELDS = 32;

    private final BlobStore blobs;
    private final IngestProperties properties;

    MultipartUploads(BlobStore blobs, IngestProperties properties) {
        this.blobs = blobs;
        this.properties = properties;
    }

    public ReceivedUpload read(HttpServletRequest request) throws IOException {
        if (!JakartaServletFileUpload.isMultipartContent(request)) {
            throw new InvalidRequestException("Send the file as multipart/form-data in a part named 'file'.");
        }
        long limit = properties.maxUpload().toBytes();
        if (request.getContentLengthLong() > limit + 64 * 1024) {
            throw new UploadTooLargeException(properties.maxUpload());
        }
        StagedBlob staged = null;
        String filename = null;
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            FileItemInputIterator items = new JakartaServletFileUpload<>().getItemIterator(request);
            while (items.hasNext()) {
                FileItemInput item = items.next();
                if (item.isFormField()) {
                    if (fields.size() >= MAX_FIELDS) {
                        throw new InvalidRequestException("Too many form fields.");
                    }
                    fields.put(item.getFieldName(), readField(item));
                } else if ("file".equals(item.getFieldName())) {
                    if (staged != null) {
                        throw new InvalidRequestException("Send one file per upload request.");
                    }
                    filename = item.getName();
                    try (InputStream in = item.getInputStream()) {
                        staged = blobs.stage(in, limit);
                    }
                } else {
                    throw new InvalidRequestException("Unexpected file part '" + item.getFieldName() + "'; name it 'file'.");
                }
            }
        } catch (BlobTooLargeException e) {
            throw new UploadTooLargeException(properties.maxUpload());
        } catch (FileUploadException e) {
            discard(staged);
            throw new InvalidRequestException("The multipart body could not be read: " + e.getMessage());
        } catch (RuntimeException | IOException e) {
            discard(staged);
            throw e;
        }
        if (staged == null) {
            throw new InvalidRequestException("The request has no part named 'file'.");
        }
        return new ReceivedUpload(staged, filename == null ? "" : filename, fields);
    }

    private static String readField(FileItemInput item) throws IOException {
        try (InputStream in = item.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_FIELD_BYTES + 1);
            if (bytes.length > MAX_FIELD_BYTES) {
                throw new InvalidRequestException("The form field '" + item.getFieldName() + "' is too long.");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static void discard(StagedBlob staged) {
        if (staged != null) {
            staged.close();
        }
    }
}
