package dev.mimik.core.io.xdf;

/**
 * What one stream of an XDF file is, as its header and chunks say (for {@code mimik inspect}).
 *
 * @param id the stream id of its chunks
 * @param name the header's {@code name} ({@code streamN} when empty)
 * @param type the header's {@code type} (EEG, Markers, ...; empty when the header has none)
 * @param channelCount channels per sample
 * @param nominalRate the header's nominal rate, Hz (0 for an irregular stream)
 * @param channelFormat int8, int16, int32, int64, float32, double64 or string
 * @param samples samples in the file
 * @param clockOffsets ClockOffset measurements in the file
 */
public record XdfStreamInfo(long id, String name, String type, int channelCount, double nominalRate,
    String channelFormat, int samples, int clockOffsets) {}
