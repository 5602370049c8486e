"""Synthetic "cat vs non-cat" images (a stand-in for the course's image set).

The Course 1 assignments (Week 2 logistic regression, Week 4 deep network)
train on a small set of 64x64 RGB photos labelled "cat" / "non-cat".  This
module generates a seeded, fully synthetic dataset with the same schema and
a similar flavour, so the notebooks can run without shipping any photos.

What the pictures look like
---------------------------
Every image starts from a random textured background: a two-colour linear
gradient at a random angle, an optional "floor" band, a few soft colour blobs,
smooth low-frequency colour noise and fine pixel noise.

* Class 1 ("cat"): a cartoon cat head -- a round head with two pointed
  triangular ears (pink inside), almond eyes with slit pupils, a small pink
  nose, a lighter muzzle and (when large enough) whiskers; sometimes a body
  and tabby stripes.  Position, size, tilt, fur colour, eye colour and
  lighting are all random.
* Class 0 ("non-cat"): other things drawn on the same kind of backgrounds:
  dog heads (floppy ears), bear / mouse heads (round ears), balls and fruit,
  houses (with a triangular roof), trees, loose collections of random shapes
  and plain scenes.  The animal heads use the same fur palette as the cats.

Both classes may also contain a small unrelated distractor shape, and the
whole picture receives a random brightness / colour cast and a directional
lighting ramp.  Colours are drawn from the same distributions for both
classes, so the average colour of an image says almost nothing about its
label: the difference is in *shape* (pointed ears, slit eyes, whiskers).

Why it suits the course
-----------------------
With only ~200 training images and 12288 raw pixel features, logistic
regression can fit the training set essentially perfectly, but one linear
pixel template is a poor detector for a head that shifts, changes size and
tilt, and may be lighter or darker than whatever lies behind it.  It
therefore overfits badly, while a small ReLU network, which can combine
several templates of either sign, generalises noticeably better -- the same
story the course tells with its cat photos.  With the default arguments and
the course's recipes (pixels / 255, batch gradient descent) one gets about:

* logistic regression (lr 0.005, 2000 iterations): train 99.5 %, test 64 %
* 2-layer net [12288, 7, 1] (lr 0.0075, 2500 iterations): test 68 %
* 4-layer net [12288, 20, 7, 5, 1] (lr 0.0075, 2500 iterations): test 82 %

and over dataset seeds 1-5 logistic regression scores 64-78 % on test while
the 4-layer net scores 82-88 %.  (The test set has only 50 images, so each
image is worth 2 points.)

Determinism
-----------
Only ``np.random.default_rng(seed)`` is used, so a given seed yields the same
bytes on every run.  Across platforms the output is the same up to the last
bit of a few transcendental functions (sin, cos, exp) in the maths library,
which could in very rare cases move a pixel by one grey level.

Functions
---------
make_binary_images(m_train=209, m_test=50, seed=1) -> dict
write_h5(dataset, train_path, test_path)
read_h5(train_path, test_path) -> (train_x, train_y, test_x, test_y, classes)

The cached, registered data set built from this generator is
``binary_images`` (see ``binary_images.py``).
"""

from __future__ import annotations

import numpy as np

from . import h5files, image_files

__all__ = ["make_binary_images", "write_h5", "read_h5", "IMAGE_SIZE", "CLASSES", "H5_SCHEMA",
           "TRAIN_NAME", "TEST_NAME"]

IMAGE_SIZE = 64
CLASSES = np.array([b"non-cat", b"cat"])

# Fraction of positives, chosen to mirror the course's split
# (72 / 209 cats in train, 33 / 50 in test).
_TRAIN_POS_FRACTION = 72 / 209
_TEST_POS_FRACTION = 33 / 50

# Difficulty knobs.  These were tuned together with the reference trainers
# quoted in the module docstring; changing any of them (or the order of the
# random draws below) changes every image and the benchmark numbers.
_PLACE = {
    "r": (14.0, 18.0),  # head radius range, pixels
    "jitter": 2.0,  # head centre offset range (+/- pixels) around (32, cy)
    "cy": 36.0,  # nominal head centre row
}
_STYLE = {
    "blobs": 3,  # at most this many soft colour blobs in a background
    "low_noise": (0.02, 0.08),  # amplitude of smooth colour noise
    "gain": (0.4, 0.8),  # overall brightness factor
    "pixel_noise": (0.01, 0.05),  # std of per-pixel noise
    "distractor": 0.3,  # probability of a small extra shape
}

_N = IMAGE_SIZE
# Pixel-centre coordinates; _YY is the row (pointing down), _XX the column.
_YY, _XX = np.mgrid[0:_N, 0:_N].astype(np.float64) + 0.5

# Colour palettes (RGB in [0, 1]).
_FUR = np.array(
    [
        [0.93, 0.55, 0.20],  # ginger
        [0.85, 0.65, 0.40],  # sandy
        [0.55, 0.55, 0.58],  # grey
        [0.30, 0.30, 0.33],  # dark grey
        [0.10, 0.10, 0.11],  # black
        [0.95, 0.93, 0.88],  # white
        [0.50, 0.33, 0.20],  # brown
        [0.95, 0.85, 0.65],  # cream
        [0.70, 0.45, 0.25],  # tan
    ]
)
_EYE = np.array(
    [
        [0.35, 0.80, 0.25],  # green
        [0.95, 0.85, 0.20],  # yellow
        [0.90, 0.55, 0.10],  # amber
        [0.35, 0.65, 0.95],  # blue
    ]
)
_PINK = np.array([0.95, 0.60, 0.65])
_SCENE = np.array(
    [
        [0.55, 0.75, 0.95],  # sky
        [0.35, 0.60, 0.30],  # grass
        [0.75, 0.70, 0.60],  # wall
        [0.45, 0.35, 0.25],  # wood
        [0.85, 0.85, 0.80],  # light
        [0.20, 0.22, 0.30],  # night
        [0.70, 0.30, 0.25],  # brick
        [0.60, 0.60, 0.62],  # concrete
        [0.90, 0.80, 0.60],  # sand
        [0.25, 0.40, 0.55],  # blue-grey
    ]
)


# --------------------------------------------------------------------------
# Mask primitives (boolean or float (64, 64) arrays)
# --------------------------------------------------------------------------
def _ellipse(cx, cy, rx, ry, angle=0.0):
    """Boolean mask of a filled ellipse, rotated by `angle` radians."""
    dx, dy = _XX - cx, _YY - cy
    c, s = np.cos(angle), np.sin(angle)
    u = (dx * c + dy * s) / rx
    v = (-dx * s + dy * c) / ry
    return u * u + v * v <= 1.0


def _triangle(p0, p1, p2):
    """Boolean mask of a filled triangle with vertices (x, y) (any order)."""

    def side(a, b):
        return (b[0] - a[0]) * (_YY - a[1]) - (b[1] - a[1]) * (_XX - a[0])

    d0, d1, d2 = side(p0, p1), side(p1, p2), side(p2, p0)
    neg = (d0 < 0) | (d1 < 0) | (d2 < 0)
    pos = (d0 > 0) | (d1 > 0) | (d2 > 0)
    return ~(neg & pos)


def _segment(p0, p1, width):
    """Boolean mask of a thick line segment from p0 to p1."""
    ax, ay = p0
    bx, by = p1
    vx, vy = bx - ax, by - ay
    t = ((_XX - ax) * vx + (_YY - ay) * vy) / max(vx * vx + vy * vy, 1e-9)
    t = np.clip(t, 0.0, 1.0)
    dx = _XX - (ax + t * vx)
    dy = _YY - (ay + t * vy)
    return dx * dx + dy * dy <= (width / 2.0) ** 2


def _rect(x0, y0, x1, y1):
    """Boolean mask of an axis-aligned rectangle [x0, x1] x [y0, y1]."""
    return (_XX >= x0) & (_XX <= x1) & (_YY >= y0) & (_YY <= y1)


def _polar(cx, cy, radius, angle_deg):
    """Point at `radius` from (cx, cy); angle measured counter-clockwise
    from +x with the y axis pointing *up* (so 90 degrees is straight up)."""
    a = np.deg2rad(angle_deg)
    return (cx + radius * np.cos(a), cy - radius * np.sin(a))


# --------------------------------------------------------------------------
# Painting helpers (img is a float (64, 64, 3) array)
# --------------------------------------------------------------------------
def _paint(img, mask, colour, shade=None):
    """Fill `mask` with `colour`, optionally multiplied by a shade field."""
    colour = np.asarray(colour, dtype=np.float64)
    if shade is None:
        img[mask] = colour
    else:
        img[mask] = shade[mask][:, None] * colour[None, :]


def _shade_field(rng, cx, cy, r, strength):
    """Smooth multiplicative lighting across a figure of radius r."""
    a = rng.uniform(0, 2 * np.pi)
    ramp = ((_XX - cx) * np.cos(a) + (_YY - cy) * np.sin(a)) / max(r, 1.0)
    return np.clip(1.0 + strength * ramp, 0.5, 1.5)


def _jitter(rng, colour, amount=0.08):
    return np.clip(np.asarray(colour) + rng.normal(0, amount, 3), 0.0, 1.0)


def _random_fur(rng):
    return _jitter(rng, _FUR[rng.integers(len(_FUR))], 0.06)


def _contrast(colour):
    """A dark or light colour that stands out against `colour`."""
    return np.full(3, 0.08) if colour.mean() > 0.5 else np.full(3, 0.92)


def _random_colour(rng):
    if rng.random() < 0.7:
        return _jitter(rng, _SCENE[rng.integers(len(_SCENE))], 0.1)
    c = rng.uniform(0.05, 0.95, 3)
    return 0.6 * c + 0.4 * c.mean()


# Bilinear upsampling (8 -> 64) for smooth low-frequency colour noise.  Done
# with gathers and elementwise arithmetic (no BLAS) so results do not depend
# on the summation order of a matrix library.
def _upsample_index(n_out, n_in):
    pos = np.clip((np.arange(n_out) + 0.5) * n_in / n_out - 0.5, 0, n_in - 1)
    lo = np.floor(pos).astype(np.intp)
    hi = np.minimum(lo + 1, n_in - 1)
    return lo, hi, pos - lo


_UP_LO, _UP_HI, _UP_F = _upsample_index(_N, 8)


def _upsample8(a):
    """Bilinearly upsample an (n, 8, 8, C) array to (n, 64, 64, C)."""
    f = _UP_F[None, :, None, None]
    rows = a[:, _UP_LO] * (1 - f) + a[:, _UP_HI] * f  # (n, 64, 8, C)
    f = _UP_F[None, None, :, None]
    return rows[:, :, _UP_LO] * (1 - f) + rows[:, :, _UP_HI] * f


def _random_colours(rng, n):
    """Vectorised :func:`_random_colour`: an (n, 3) array of colours."""
    scene = _SCENE[rng.integers(len(_SCENE), size=n)] + rng.normal(0, 0.1, (n, 3))
    c = rng.uniform(0.05, 0.95, (n, 3))
    free = 0.6 * c + 0.4 * c.mean(axis=1, keepdims=True)
    use_scene = rng.random(n) < 0.7
    return np.clip(np.where(use_scene[:, None], scene, free), 0.0, 1.0)


_XC = (_XX - 32).astype(np.float32)
_YC = (_YY - 32).astype(np.float32)


def _ramp(angles, slope):
    """(n, 64, 64) float32 linear ramps through the image centre, rising by
    `slope` (scalar or (n,)) per pixel in the direction `angles` (n,)."""
    c = (np.cos(angles) * slope).astype(np.float32)[:, None, None]
    s = (np.sin(angles) * slope).astype(np.float32)[:, None, None]
    return _XC * c + _YC * s


def _backgrounds(rng, n):
    """n random textured backgrounds, float (n, 64, 64, 3) roughly in [0, 1]."""
    f32 = np.float32
    c0, c1 = _random_colours(rng, n).astype(f32), _random_colours(rng, n).astype(f32)
    t = np.clip(_ramp(rng.uniform(0, 2 * np.pi, n), 1.0 / 64.0) + f32(0.5), 0, 1)[..., None]
    img = c0[:, None, None, :] + t * (c1 - c0)[:, None, None, :]
    # Floor / ground band in about 40 % of the images.
    has_floor = rng.random(n) < 0.4
    horizon = np.where(has_floor, rng.uniform(35, 58, n), np.inf)
    floor = (_YY[None] >= horizon[:, None, None])[..., None]
    floor_col = (0.7 * _random_colours(rng, n)).astype(f32)[:, None, None, :]
    img = np.where(floor, f32(0.3) * img + floor_col, img)
    # Up to _STYLE["blobs"] soft colour blobs.
    nb = _STYLE["blobs"]
    count = rng.integers(0, nb + 1, n)
    centres = (rng.uniform(0, 64, (n, nb, 2)) - 32).astype(f32)
    inv2s2 = (0.5 / rng.uniform(4, 14, (n, nb)) ** 2).astype(f32)
    alpha = rng.uniform(0.3, 0.8, (n, nb)) * (np.arange(nb) < count[:, None])
    colours = _random_colours(rng, n * nb).reshape(n, nb, 3).astype(f32)
    for k in range(nb):
        on = alpha[:, k] > 0
        if not on.any():
            continue
        sub = img[on]
        d2 = (_XC - centres[on, k, 0, None, None]) ** 2 + (_YC - centres[on, k, 1, None, None]) ** 2
        w = alpha[on, k, None, None].astype(f32) * np.exp(-d2 * inv2s2[on, k, None, None])
        img[on] = sub + w[..., None] * (colours[on, k, None, None, :] - sub)
    # Smooth low-frequency colour noise.
    amp = rng.uniform(*_STYLE["low_noise"], n)[:, None, None, None]
    low = _upsample8((amp * rng.normal(0, 1, (n, 8, 8, 3))).astype(f32))
    return img + low


def _finish(rng, img):
    """Global lighting, colour cast and pixel noise on (n, 64, 64, 3); uint8."""
    n = img.shape[0]
    f32 = np.float32
    gain = 255.0 * rng.uniform(*_STYLE["gain"], n)
    cast = rng.normal(1.0, 0.05, (n, 3))
    # Per-image light ramp, folded together with gain and cast.
    strength = rng.uniform(0.0, 0.25, n)
    light = f32(1.0) + _ramp(rng.uniform(0, 2 * np.pi, n), strength / 32.0)
    img = img * light[..., None] * (gain[:, None] * cast).astype(f32)[:, None, None, :]
    sd = (255.0 * rng.uniform(*_STYLE["pixel_noise"], n)).astype(f32)[:, None, None, None]
    img += sd * rng.standard_normal(img.shape, dtype=f32)
    return np.clip(np.rint(img), 0, 255).astype(np.uint8)


# --------------------------------------------------------------------------
# Figures
# --------------------------------------------------------------------------
def _head_placement(rng, top_factor=1.7):
    """Random head centre and radius keeping most of the figure in frame."""
    r = rng.uniform(*_PLACE["r"])
    j = _PLACE["jitter"]
    cx = np.clip(32 + rng.uniform(-j, j), 1.1 * r, _N - 1.1 * r)
    cy = np.clip(_PLACE["cy"] + rng.uniform(-j, j), min(top_factor * r, _N - r), _N - 0.9 * r)
    return cx, cy, r


def _body(rng, img, cx, cy, r, fur):
    """Optional body below a head (shared by the animal figures)."""
    if rng.random() < 0.5:
        bw = r * rng.uniform(1.0, 1.4)
        bh = r * rng.uniform(1.0, 1.5)
        by = cy + r * 0.9 + bh * 0.6
        _paint(img, _ellipse(cx + rng.normal(0, 0.2 * r), by, bw, bh), fur * 0.85)


def _draw_cat(rng, img):
    cx, cy, r = _head_placement(rng, 1.75)
    fur = _random_fur(rng)
    shade = _shade_field(rng, cx, cy, r, rng.uniform(0.0, 0.3))
    tilt = rng.normal(0, 8)  # degrees
    _body(rng, img, cx, cy, r, fur)
    rx, ry = r * rng.uniform(1.0, 1.15), r * rng.uniform(0.85, 1.0)
    head = _ellipse(cx, cy, rx, ry, np.deg2rad(-tilt))
    # Ears: base on the head outline, tip well above it.
    ear_len = rng.uniform(1.45, 1.8)
    spread = rng.uniform(-6, 6)
    for side in (1, -1):  # right ear then left ear
        base_a = 90 - side * (45 + spread)
        b0 = _polar(cx, cy, 0.92 * r, base_a + tilt - 22)
        b1 = _polar(cx, cy, 0.92 * r, base_a + tilt + 22)
        tip = _polar(cx, cy, ear_len * r, base_a + tilt + side * rng.uniform(-4, 10))
        _paint(img, _triangle(b0, b1, tip), fur, shade)
        g = np.mean([b0, b1, tip], axis=0)
        inner = [g + 0.55 * (np.asarray(p) - g) for p in (b0, b1, tip)]
        inner = [(p[0], p[1] + 0.1 * r) for p in inner]
        _paint(img, _triangle(*inner), _jitter(rng, _PINK, 0.05))
    _paint(img, head, fur, shade)
    if rng.random() < 0.4:  # tabby stripes
        stripes = head & (np.sin((_XX - cx) * rng.uniform(0.6, 1.0) + _YY * 0.15) > 0.6)
        _paint(img, stripes, fur * 0.6)
    if rng.random() < 0.6:  # lighter muzzle
        muz = _jitter(rng, np.minimum(fur + 0.35, 1.0), 0.04)
        for side in (1, -1):
            _paint(img, _ellipse(cx + side * 0.2 * r, cy + 0.38 * r, 0.25 * r, 0.2 * r), muz)
    eye = _jitter(rng, _EYE[rng.integers(len(_EYE))], 0.05)
    ey = cy - 0.1 * r
    slit = rng.uniform(0.05, 0.12) * r
    for side in (1, -1):
        ex = cx + side * 0.4 * r
        _paint(img, _ellipse(ex, ey, 0.19 * r, 0.15 * r, side * 0.3), eye)
        _paint(img, _ellipse(ex, ey, max(slit, 0.6), 0.15 * r), np.full(3, 0.03))
    ny = cy + 0.22 * r
    _paint(
        img,
        _triangle((cx - 0.12 * r, ny), (cx + 0.12 * r, ny), (cx, ny + 0.12 * r)),
        _jitter(rng, _PINK, 0.05),
    )
    if r >= 10 and rng.random() < 0.8:  # whiskers
        wc = _contrast(fur)
        for side in (1, -1):
            for k in (-1, 0, 1):
                p0 = (cx + side * 0.3 * r, cy + 0.38 * r)
                p1 = (cx + side * 1.35 * r, cy + 0.38 * r + k * 0.22 * r)
                _paint(img, _segment(p0, p1, 0.9), wc)


def _draw_dog(rng, img):
    cx, cy, r = _head_placement(rng, 1.2)
    fur = _random_fur(rng)
    shade = _shade_field(rng, cx, cy, r, rng.uniform(0.0, 0.3))
    _body(rng, img, cx, cy, r, fur)
    _paint(img, _ellipse(cx, cy, r * rng.uniform(0.85, 1.0), r * rng.uniform(1.0, 1.15)), fur, shade)
    ear = fur * rng.uniform(0.5, 0.9)
    for side in (1, -1):  # floppy ears hanging down the sides
        _paint(
            img,
            _ellipse(cx + side * 0.95 * r, cy + 0.05 * r, 0.3 * r, 0.75 * r, -side * 0.3),
            ear,
        )
    _paint(img, _ellipse(cx, cy + 0.45 * r, 0.45 * r, 0.35 * r), np.minimum(fur + 0.3, 1.0))
    for side in (1, -1):
        _paint(img, _ellipse(cx + side * 0.38 * r, cy - 0.15 * r, 0.12 * r, 0.12 * r), np.full(3, 0.05))
    _paint(img, _ellipse(cx, cy + 0.3 * r, 0.18 * r, 0.12 * r), np.full(3, 0.05))
    if rng.random() < 0.3:  # tongue
        _paint(img, _ellipse(cx, cy + 0.72 * r, 0.12 * r, 0.15 * r), _PINK * 0.9)


def _draw_round_eared(rng, img):
    """Bear, mouse or teddy: round head with round ears."""
    cx, cy, r = _head_placement(rng, 1.6)
    fur = _random_fur(rng)
    shade = _shade_field(rng, cx, cy, r, rng.uniform(0.0, 0.3))
    _body(rng, img, cx, cy, r, fur)
    ear_r = r * rng.uniform(0.3, 0.6)
    for side in (1, -1):
        ex, ey = _polar(cx, cy, r * 0.95, 90 - side * rng.uniform(35, 50))
        _paint(img, _ellipse(ex, ey, ear_r, ear_r), fur, shade)
        _paint(img, _ellipse(ex, ey, 0.55 * ear_r, 0.55 * ear_r), _jitter(rng, fur * 0.7 + 0.3 * _PINK, 0.03))
    _paint(img, _ellipse(cx, cy, r, r * rng.uniform(0.9, 1.0)), fur, shade)
    _paint(img, _ellipse(cx, cy + 0.35 * r, 0.35 * r, 0.28 * r), np.minimum(fur + 0.3, 1.0))
    for side in (1, -1):
        _paint(img, _ellipse(cx + side * 0.38 * r, cy - 0.12 * r, 0.1 * r, 0.1 * r), np.full(3, 0.05))
    _paint(img, _ellipse(cx, cy + 0.22 * r, 0.12 * r, 0.08 * r), np.full(3, 0.08))


def _draw_round_object(rng, img):
    """Ball, fruit, clock or sun."""
    cx, cy, r = _head_placement(rng, 1.0)
    colour = _random_colour(rng) if rng.random() < 0.5 else _random_fur(rng)
    shade = _shade_field(rng, cx, cy, r, rng.uniform(0.1, 0.4))
    disc = _ellipse(cx, cy, r, r)
    _paint(img, disc, colour, shade)
    kind = rng.integers(4)
    if kind == 0:  # beach ball stripes
        other = _random_colour(rng)
        _paint(img, disc & (np.abs(_XX - cx) < 0.25 * r), other)
    elif kind == 1:  # fruit: stem and leaf
        _paint(img, _segment((cx, cy - r), (cx + 0.1 * r, cy - 1.35 * r), 1.5), np.array([0.35, 0.25, 0.1]))
        _paint(img, _ellipse(cx + 0.35 * r, cy - 1.15 * r, 0.3 * r, 0.13 * r, -0.5), np.array([0.2, 0.6, 0.2]))
    elif kind == 2:  # clock face
        _paint(img, _ellipse(cx, cy, 0.85 * r, 0.85 * r), np.full(3, 0.95))
        hand = np.full(3, 0.05)
        _paint(img, _segment((cx, cy), (cx, cy - 0.7 * r), 1.5), hand)
        _paint(img, _segment((cx, cy), _polar(cx, cy, 0.5 * r, rng.uniform(0, 360)), 1.5), hand)
    # highlight
    _paint(img, _ellipse(cx - 0.35 * r, cy - 0.35 * r, 0.2 * r, 0.15 * r), np.minimum(colour + 0.4, 1.0))


def _draw_house(rng, img):
    w = rng.uniform(22, 40)
    h = rng.uniform(14, 24)
    x0 = rng.uniform(2, _N - w - 2)
    y1 = rng.uniform(h + 18, _N - 1)
    y0 = y1 - h
    wall = _random_colour(rng)
    _paint(img, _rect(x0, y0, x0 + w, y1), wall)
    roof_h = rng.uniform(8, 16)
    roof = _jitter(rng, np.array([0.55, 0.2, 0.15]), 0.12) if rng.random() < 0.6 else _random_colour(rng)
    _paint(img, _triangle((x0 - 3, y0), (x0 + w + 3, y0), (x0 + w / 2 + rng.normal(0, 2), y0 - roof_h)), roof)
    dw = w * 0.2
    dx = x0 + rng.uniform(0.15, 0.65) * w
    _paint(img, _rect(dx, y1 - h * 0.6, dx + dw, y1), _jitter(rng, np.array([0.4, 0.25, 0.15])))
    win = _jitter(rng, np.array([0.6, 0.8, 0.95]), 0.05)
    wx = x0 + w * 0.65 if dx < x0 + w * 0.5 else x0 + w * 0.1
    _paint(img, _rect(wx, y0 + h * 0.2, wx + w * 0.22, y0 + h * 0.5), win)


def _draw_tree(rng, img):
    x = rng.uniform(12, 52)
    base = rng.uniform(45, 64)
    trunk_h = rng.uniform(8, 18)
    _paint(img, _rect(x - 2.5, base - trunk_h, x + 2.5, base), np.array([0.4, 0.27, 0.15]))
    green = _jitter(rng, np.array([0.2, 0.55, 0.2]), 0.1)
    top = base - trunk_h
    if rng.random() < 0.5:
        cr = rng.uniform(9, 16)
        _paint(img, _ellipse(x, top - cr * 0.8, cr, cr * rng.uniform(0.8, 1.1)), green)
    else:  # pine
        for k in range(3):
            wk = rng.uniform(10, 14) - 2.5 * k
            yk = top - 7 * k
            _paint(img, _triangle((x - wk, yk), (x + wk, yk), (x, yk - 12)), green)


def _random_shape(rng, img, size=(4.0, 16.0)):
    kind = rng.integers(3)
    cx, cy = rng.uniform(4, 60, 2)
    s = rng.uniform(*size)
    colour = _random_colour(rng) if rng.random() < 0.6 else _random_fur(rng)
    if kind == 0:
        _paint(img, _ellipse(cx, cy, s, s * rng.uniform(0.5, 1.2), rng.uniform(0, np.pi)), colour)
    elif kind == 1:
        _paint(img, _rect(cx - s, cy - s * rng.uniform(0.4, 1.0), cx + s, cy + s * rng.uniform(0.4, 1.0)), colour)
    else:
        pts = [_polar(cx, cy, s * rng.uniform(0.7, 1.3), a) for a in rng.uniform(0, 360) + np.array([0, 120, 240])]
        _paint(img, _triangle(*pts), colour)


def _draw_shapes(rng, img):
    for _ in range(rng.integers(2, 6)):
        _random_shape(rng, img)


def _draw_scene(rng, img):
    if rng.random() < 0.5:  # sun / moon
        cx, cy = rng.uniform(8, 56), rng.uniform(6, 30)
        rr = rng.uniform(4, 9)
        _paint(img, _ellipse(cx, cy, rr, rr), _jitter(rng, np.array([0.98, 0.9, 0.5]), 0.05))
    if rng.random() < 0.5:  # hills
        h = rng.uniform(38, 56)
        hill = _SCENE[1] * rng.uniform(0.7, 1.2)
        _paint(img, _YY > h + 6 * np.sin(_XX / rng.uniform(6, 14) + rng.uniform(0, 6)), np.clip(hill, 0, 1))


_NEGATIVES = (
    (_draw_dog, 0.22),
    (_draw_round_eared, 0.16),
    (_draw_round_object, 0.16),
    (_draw_house, 0.12),
    (_draw_tree, 0.08),
    (_draw_shapes, 0.16),
    (_draw_scene, 0.10),
)
_NEG_FUNCS = [f for f, _ in _NEGATIVES]
_NEG_P = np.array([p for _, p in _NEGATIVES]) / sum(p for _, p in _NEGATIVES)


def _draw_figure(rng, img, label):
    """Draw the class-specific content into one float (64, 64, 3) image."""
    if rng.random() < _STYLE["distractor"]:  # small distractor in either class
        _random_shape(rng, img, size=(3.0, 7.0))
    if label == 1:
        _draw_cat(rng, img)
    else:
        _NEG_FUNCS[rng.choice(len(_NEG_FUNCS), p=_NEG_P)](rng, img)


_CHUNK = 16


def _make_split(rng, m, pos_fraction):
    n_pos = int(round(pos_fraction * m))
    y = np.zeros(m, dtype=np.int64)
    y[:n_pos] = 1
    y = rng.permutation(y)
    x = np.empty((m, _N, _N, 3), dtype=np.uint8)
    # Work in small chunks so the float buffers stay cache-sized.
    for start in range(0, m, _CHUNK):
        stop = min(start + _CHUNK, m)
        img = _backgrounds(rng, stop - start)
        for i in range(start, stop):
            _draw_figure(rng, img[i - start], int(y[i]))
        x[start:stop] = _finish(rng, img)
    return x, y


def make_binary_images(m_train: int = 209, m_test: int = 50, seed: int = 1) -> dict:
    """Generate the synthetic cat / non-cat dataset.

    Parameters
    ----------
    m_train, m_test : int
        Number of training / test images (each >= 0).
    seed : int
        Seed for ``np.random.default_rng``; the same seed always gives the
        same bytes.  Train and test images are drawn from one stream, so the
        test set for a given seed also depends on ``m_train``.

    Returns
    -------
    dict with keys
        ``train_set_x`` : uint8 array, shape (m_train, 64, 64, 3)
        ``train_set_y`` : int64 array, shape (m_train,), values 0 / 1
        ``test_set_x``  : uint8 array, shape (m_test, 64, 64, 3)
        ``test_set_y``  : int64 array, shape (m_test,), values 0 / 1
        ``list_classes``: bytes array ``[b"non-cat", b"cat"]`` (index = label)

    Class balance mirrors the course: ``round(m_train * 72/209)`` cats in the
    training set (about 34 %) and ``round(m_test * 33/50)`` cats in the test
    set (66 %), in random order.
    """
    m_train, m_test = int(m_train), int(m_test)
    if m_train < 0 or m_test < 0:
        raise ValueError("m_train and m_test must be non-negative")
    rng = np.random.default_rng(seed)
    train_x, train_y = _make_split(rng, m_train, _TRAIN_POS_FRACTION)
    test_x, test_y = _make_split(rng, m_test, _TEST_POS_FRACTION)
    return {
        "train_set_x": train_x,
        "train_set_y": train_y,
        "test_set_x": test_x,
        "test_set_y": test_y,
        "list_classes": CLASSES.copy(),
    }


# --------------------------------------------------------------------------
# HDF5 files in the course's schema (see ``image_files``)
# --------------------------------------------------------------------------
TRAIN_NAME = "train_catvnoncat.h5"
TEST_NAME = "test_catvnoncat.h5"
H5_SCHEMA = image_files.labelled_images(TRAIN_NAME, TEST_NAME, binary=True)


def write_h5(dataset: dict, train_path, test_path) -> None:
    """Write a dataset from :func:`make_binary_images` as two HDF5 files.

    The train file holds ``train_set_x`` (uint8, (m, H, W, 3)),
    ``train_set_y`` (int64, (m,)) and ``list_classes`` (bytes, (2,)); the
    test file holds ``test_set_x``, ``test_set_y`` and ``list_classes``.
    Each file is written atomically (``h5files.write``), so readers never see
    a half-written file.
    """
    h5files.write(H5_SCHEMA, dataset, (train_path, test_path))


def read_h5(train_path, test_path):
    """Load the two HDF5 files written by :func:`write_h5` (course schema).

    Returns
    -------
    train_set_x_orig : uint8 array, shape (m_train, H, W, 3)
    train_set_y      : int64 array, shape (1, m_train), values 0 / 1
    test_set_x_orig  : uint8 array, shape (m_test, H, W, 3)
    test_set_y       : int64 array, shape (1, m_test), values 0 / 1
    classes          : bytes array, shape (n_classes,), e.g. [b"non-cat", b"cat"]

    Raises
    ------
    FileNotFoundError
        If either path does not exist (the message names the path).
    ValueError
        If a file is not HDF5, lacks a dataset, has images that are not
        uint8 (m, H, W, 3), labels that are not m values in {0, 1}, or the
        two files disagree (image size, classes). The message names the file,
        the data set and the key.
    """
    return image_files.course_tuple(h5files.read(H5_SCHEMA, (train_path, test_path), "binary_images"))
