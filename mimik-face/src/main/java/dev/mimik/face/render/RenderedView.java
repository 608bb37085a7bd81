package dev.mimik.face.render;

/**
 * A rendered camera image with the visibility buffer it was shaded from, so that callers can also ask which
 * surface every pixel shows (occlusion of keypoints, the share of a region in view).
 *
 * @param image the camera image, unmirrored
 * @param buffer nearest triangle, depth and barycentric weights per pixel
 */
public record RenderedView(IrImage image, VisibilityBuffer buffer) {}
