"""A six-class "hand signs" image set: a hand showing 0 to 5 raised fingers, 64x64 RGB.

A stand-in for the course's SIGNS data (Course 2 Week 3, Course 4), generated
here, seeded, and cached as two h5 files in the course's schema:

    train_signs.h5: train_set_x uint8 (m, 64, 64, 3), train_set_y int64 (m,), list_classes
    test_signs.h5:  test_set_x, test_set_y, list_classes           (list_classes = b"0" .. b"5")

What a picture shows
--------------------
A right hand seen from the palm side, wrist and forearm leaving the picture at
the bottom, on a random background (a two-colour gradient of mostly greyish,
cool-tinted walls, soft blobs, smooth colour noise). The label is the number of
raised fingers, counted as the course's signs do: index first, then middle,
ring, little finger, and the thumb for 5. The other fingers are curled into the
palm, where they show as knuckles, and the thumb then lies folded across the
palm. Every picture varies the skin tone (eight base tones from very light to
very dark, with random brightness), the size (the palm 13.5 to 15.5 pixels
wide on each side of its centre), the position (+/- 2.5 pixels), the rotation
(about 4 degrees), finger lengths and spread, lighting, a colour cast and pixel
noise. (``_STYLE`` also has knobs for other poses of the same count and for
left hands; they are off, because a dense network cannot cope with them on
1080 pictures.)

Colours are drawn the same way for every class, so the colour statistics of
an image say nearly nothing about its label (a nearest-centroid classifier on
the mean and spread of each colour channel scores about 20 %, chance is 17 %):
what differs is the shape above the palm.

Difficulty (default seed, 1080 train / 120 test, pixels / 255 minus the mean
training image): a dense ReLU network 12288-25-12-6 trained with mini-batch
Adam (learning rate 3e-4, batch 32, 25 epochs, a few seconds) fits the
training set and scores about 80-90 % on the test set depending on its initial
weights: 87.5 % for ``default_rng(1)`` trained on all 1080 pictures, 86.7 % in
the Course 2 Week 3 notebook, which keeps 120 of them aside as a dev set. It
has to learn every finger at every position separately; a convolutional
network (Course 4) need not.

Generation is vectorised over images (a hundred at a time) and takes one to
two seconds; it is registered as the data set ``signs`` (``DATA_SET``), cached under
``dlkit.data.cache_dir()``.
Only ``np.random.default_rng(seed)`` is used, so a seed always gives the same
bytes (up to the last bit of sin/cos/sqrt of the platform's maths library).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from . import image_files
from .registry import DataSet, register

__all__ = ["make_signs", "write_signs_h5", "read_signs_h5", "load_signs", "signs_paths", "DATA_SET", "H5_SCHEMA",
           "CLASSES", "IMAGE_SIZE", "DEFAULT_SEED", "TRAIN_NAME", "TEST_NAME"]

DEFAULT_SEED = 1
TRAIN_NAME = "train_signs.h5"
TEST_NAME = "test_signs.h5"
IMAGE_SIZE = 64
CLASSES = np.array([str(k).encode() for k in range(6)])

_N = IMAGE_SIZE
_F = np.float32
_YY, _XX = (np.mgrid[0:_N, 0:_N].astype(_F) + _F(0.5))
_CHUNK = 100

# Skin tones (RGB in [0, 1]), very light to very dark.
_SKIN = np.array([
    [0.98, 0.84, 0.74], [0.94, 0.76, 0.62], [0.87, 0.67, 0.52], [0.78, 0.57, 0.42],
    [0.66, 0.46, 0.32], [0.55, 0.37, 0.25], [0.42, 0.28, 0.19], [0.30, 0.20, 0.14],
])

# The fingers in the hand's own frame, in units of the palm's half-width r: the
# palm is centred at (0, 0), "up" is -v. Order: index, middle, ring, pinky.
_BASE_U = np.array([-0.66, -0.22, 0.22, 0.64])
_BASE_V = -0.80
_TILT = np.array([-9.0, -3.0, 3.0, 10.0])     # degrees from vertical, raised
_LENGTH = np.array([1.45, 1.60, 1.50, 1.15])   # raised length
_WIDTH = np.array([0.21, 0.22, 0.21, 0.18])    # half-width

# Difficulty knobs, tuned together with the dense network quoted in the module docstring;
# changing any of them (or the order of the random draws) changes every image.
_STYLE = {
    "r": (13.5, 15.5),       # palm half-width range, pixels
    "jitter": 2.5,           # hand position offset range (+/- pixels)
    "rotation": 4.0,         # standard deviation of the hand's rotation, degrees
    "spread": (0.8, 1.25),   # range of the factor on the fingers' spread angles
    "variants": 0.0,         # weight of the other poses of a count (0: index first, then middle, ...)
    "left_hands": 0.0,       # probability of a left hand (the mirror image)
    "skin_tones": 8,         # how many of the base skin tones are used (from the lightest)
    "blobs": 0.5,            # probability of each of two soft background blobs
    "free_bg": 0.1,          # fraction of backgrounds in free colours (the others: cool-tinted walls)
    "skin_like_bg": 0.2,     # fraction of free background colours drawn from the skin tones
    "wall_level": (0.3, 0.9),  # grey level of a wall
    "wall_tint": 0.12,       # strength of a wall's (cool) tint
}

# Which fingers are raised, per count: (thumb, index, middle, ring, pinky) and a weight.
_POSES = {
    0: [((0, 0, 0, 0, 0), 1.0)],
    1: [((0, 1, 0, 0, 0), 0.75), ((0, 0, 1, 0, 0), 0.10), ((0, 0, 0, 0, 1), 0.15)],
    2: [((0, 1, 1, 0, 0), 0.70), ((0, 1, 0, 0, 1), 0.15), ((1, 1, 0, 0, 0), 0.15)],
    3: [((0, 1, 1, 1, 0), 0.60), ((1, 1, 1, 0, 0), 0.25), ((0, 0, 1, 1, 1), 0.15)],
    4: [((0, 1, 1, 1, 1), 0.85), ((1, 1, 1, 1, 0), 0.15)],
    5: [((1, 1, 1, 1, 1), 1.0)],
}


def _poses_for(rng, labels):
    """(n, 5) 0/1 array of raised fingers (thumb first) for each label."""
    out = np.zeros((labels.size, 5), dtype=bool)
    u = rng.random(labels.size)
    for k, options in _POSES.items():
        idx = np.flatnonzero(labels == k)
        weights = np.array([w for _, w in options])
        weights[1:] *= _STYLE["variants"]
        cum = np.cumsum(weights / weights.sum())
        choice = np.minimum(np.searchsorted(cum, u[idx], side="right"), len(options) - 1)
        out[idx] = np.array([p for p, _ in options], dtype=bool)[choice]
    return out


def _random_colours(rng, n):
    """(n, 3) background colours: muted, bright and skin-like ones alike."""
    c = rng.uniform(0.05, 0.95, (n, 3))
    grey = c.mean(axis=1, keepdims=True)
    sat = rng.uniform(0.2, 1.0, (n, 1))
    colours = grey + sat * (c - grey)
    skin_like = rng.random(n) < _STYLE["skin_like_bg"]
    tone = _SKIN[rng.integers(len(_SKIN), size=n)] + rng.normal(0, 0.06, (n, 3))
    return np.clip(np.where(skin_like[:, None], tone, colours), 0.0, 1.0)


def _wall_colours(rng, n):
    """(n, 3) background colours: mostly greyish walls with a cool tint (less red than skin), some free colours."""
    level = rng.uniform(*_STYLE["wall_level"], (n, 1))
    tint = rng.normal(0, 1, (n, 3))
    tint[:, 0] = -np.abs(tint[:, 0])
    tint -= tint.mean(axis=1, keepdims=True)
    walls = level + _STYLE["wall_tint"] * tint
    free = rng.random(n) < _STYLE["free_bg"]
    return np.clip(np.where(free[:, None], _random_colours(rng, n), walls), 0.0, 1.0)


def _upsample(a, n_out=_N):
    """Bilinear upsampling of (n, C, k, k) to (n, C, n_out, n_out) by gathers (no BLAS)."""
    k = a.shape[-1]
    pos = np.clip((np.arange(n_out) + 0.5) * k / n_out - 0.5, 0, k - 1)
    lo = np.floor(pos).astype(np.intp)
    hi = np.minimum(lo + 1, k - 1)
    f = (pos - lo).astype(_F)
    rows = a[:, :, lo] * (1 - f[:, None]) + a[:, :, hi] * f[:, None]
    return rows[..., lo] * (1 - f) + rows[..., hi] * f


def _col(values):
    """(n,) values as a float32 (n, 1, 1) array, to broadcast over the pixels."""
    return np.asarray(values, dtype=_F)[:, None, None]


def _rgb(colours):
    """(n, 3) colours as a float32 (n, 3, 1, 1) array, to broadcast over the pixels."""
    return np.asarray(colours, dtype=_F)[:, :, None, None]


def _backgrounds(rng, n):
    """(n, 3, 64, 64) float32 backgrounds (channels first while drawing) in about [0, 1]."""
    c0, c1 = _rgb(_wall_colours(rng, n)), _rgb(_wall_colours(rng, n))
    a = rng.uniform(0, 2 * np.pi, n)
    ramp = (_XX - 32) * _col(np.cos(a) / 64) + (_YY - 32) * _col(np.sin(a) / 64) + _F(0.5)
    img = c0 + np.clip(ramp, 0, 1)[:, None] * (c1 - c0)
    for _ in range(2):  # up to two soft blobs
        on = rng.random(n) < _STYLE["blobs"]
        centre = rng.uniform(0, 64, (n, 2))
        inv = 0.5 / rng.uniform(5, 16, n) ** 2
        colour = _rgb(_wall_colours(rng, n))
        alpha = rng.uniform(0.3, 0.8, n) * on
        d2 = (_XX - _col(centre[:, 0])) ** 2 + (_YY - _col(centre[:, 1])) ** 2
        w = _col(alpha) * np.exp(-d2 * _col(inv))
        img += w[:, None] * (colour - img)
    amp = rng.uniform(0.02, 0.08, n)[:, None, None, None]
    return img + _upsample((amp * rng.standard_normal((n, 3, 6, 6))).astype(_F))


class _Layer:
    """The hand drawn as premultiplied shade and coverage, one scalar per pixel (its colour is skin * shade).

    Parts are composited front over back: ``shade = a s + (1 - a) shade``, ``alpha = a + (1 - a) alpha``.
    A darker rim ``rim`` pixels wide outlines each part, so that touching fingers stay distinguishable.
    """

    def __init__(self, n):
        self.shade = np.zeros((n, _N, _N), dtype=_F)
        self.alpha = np.zeros((n, _N, _N), dtype=_F)

    def paint(self, edge, shade, rim=_F(0.8), rim_dark=_F(0.62)):
        """``edge``: (n, 64, 64) signed distance to the part's outline in pixels (> 0 inside)."""
        a = np.clip(edge + _F(0.5), 0, 1)
        inner = np.clip(edge - rim + _F(0.5), 0, 1)
        s = _col(shade) * (rim_dark + (1 - rim_dark) * inner)
        self.shade += a * (s - self.shade)
        self.alpha += a * (1 - self.alpha)


def _capsule(u, v, a_u, a_v, b_u, b_v, width, r):
    """Signed distance (pixels) to a capsule from a to b of half-width ``width`` (hand units), per image."""
    du, dv = u - _col(a_u), v - _col(a_v)
    su, sv = b_u - a_u, b_v - a_v
    t = np.clip((du * _col(su) + dv * _col(sv)) * _col(1 / np.maximum(su * su + sv * sv, 1e-9)), 0, 1)
    du -= t * _col(su)
    dv -= t * _col(sv)
    return (_col(width) - np.sqrt(du * du + dv * dv)) * _col(r)


def _draw_hands(rng, img, labels):
    """Draw one hand per image into ``img`` (n, 3, 64, 64) in place."""
    n = labels.size
    raised = _poses_for(rng, labels)
    r = rng.uniform(*_STYLE["r"], n)
    rot = _STYLE["rotation"]
    angle = np.deg2rad(np.clip(rng.normal(0, rot, n), -2.5 * rot, 2.5 * rot))
    mirror = np.where(rng.random(n) < _STYLE["left_hands"], -1.0, 1.0)
    j = _STYLE["jitter"]
    cx = 32 + rng.uniform(-j, j, n)
    # keep the longest finger (2.6 r above the palm centre) and most of the palm in the picture
    cy = np.clip(2.65 * r + 3 + rng.uniform(-j, j, n), 2.6 * r + 1, _N - 0.6 * r)
    skin = (_SKIN[rng.integers(_STYLE["skin_tones"], size=n)] * rng.uniform(0.85, 1.12, (n, 1))
            + rng.normal(0, 0.03, (n, 3)))
    skin = np.clip(skin, 0.02, 1.0)
    # the hand's frame: u across the hand (mirrored for the other hand), v down the hand, in units of r
    c, s = _col(np.cos(angle)), _col(np.sin(angle))
    X, Y = _XX - _col(cx), _YY - _col(cy)
    u = (X * c + Y * s) * _col(mirror / r)
    v = (Y * c - X * s) * _col(1 / r)
    hand = _Layer(n)
    zeros = np.zeros(n)
    # forearm, with a sleeve over its lower part in half of the pictures
    wrist = rng.uniform(0.55, 0.7, n)
    hand.paint(_capsule(u, v, zeros, np.full(n, 0.5), zeros, np.full(n, 5.0), wrist, r), np.full(n, 0.95))
    sleeve = rng.random(n) < 0.5
    start = np.where(sleeve, rng.uniform(1.5, 2.6, n), 99.0)
    cover = np.clip(_capsule(u, v, zeros, start, zeros, np.full(n, 9.0), wrist + 0.12, r) + _F(0.5), 0, 1)
    hand.shade *= 1 - cover
    hand.alpha *= 1 - cover
    img += cover[:, None] * (_rgb(_random_colours(rng, n)) - img)
    # palm: a rounded square (superellipse of order 3)
    pa, pb = rng.uniform(0.95, 1.05, n), rng.uniform(0.95, 1.1, n)
    au, av = np.abs(u * _col(1 / pa)), np.abs(v * _col(1 / pb))
    f = np.cbrt(au * au * au + av * av * av)
    hand.paint((1 - f) * _col(r * pa), np.ones(n))
    # four fingers, raised or curled
    for j in range(4):
        up = raised[:, j + 1]
        base_u = _BASE_U[j] + rng.normal(0, 0.04, n)
        tilt = np.deg2rad(_TILT[j] * rng.uniform(*_STYLE["spread"], n) + rng.normal(0, 2, n))
        length = _LENGTH[j] * rng.uniform(0.88, 1.1, n)
        width = _WIDTH[j] * rng.uniform(0.9, 1.1, n)
        end_u = np.where(up, base_u + length * np.sin(tilt), base_u)
        end_v = np.where(up, _BASE_V - length * np.cos(tilt), _BASE_V + 0.45)
        start_v = np.where(up, _BASE_V + 0.2, _BASE_V - 0.12)
        hand.paint(_capsule(u, v, base_u, start_v, end_u, end_v, width, r), np.where(up, 1.0, 0.9))
    # thumb: out to the side when raised, folded across the palm otherwise
    up = raised[:, 0]
    tilt = np.deg2rad(rng.uniform(40, 65, n))
    length = rng.uniform(1.0, 1.25, n)
    a_u, a_v = np.full(n, -0.75), np.full(n, 0.35)
    b_u = np.where(up, a_u - length * np.sin(tilt), 0.15 + rng.normal(0, 0.08, n))
    b_v = np.where(up, a_v - length * np.cos(tilt), -0.15 + rng.normal(0, 0.08, n))
    hand.paint(_capsule(u, v, a_u, a_v, b_u, b_v, np.full(n, 0.24), r), np.full(n, 0.97))
    # the hand over the background: premultiplied colour skin * shade
    img *= (1 - hand.alpha)[:, None]
    img += _rgb(skin) * hand.shade[:, None]


def _finish(rng, img):
    """Lighting ramp, brightness, colour cast and pixel noise; uint8 (n, 64, 64, 3), channels last."""
    n = img.shape[0]
    a = rng.uniform(0, 2 * np.pi, n)
    strength = rng.uniform(0.0, 0.3, n) / 32
    light = 1 + (_XX - 32) * _col(np.cos(a) * strength) + (_YY - 32) * _col(np.sin(a) * strength)
    gain = 255 * rng.uniform(0.7, 1.1, n)[:, None] * rng.normal(1.0, 0.05, (n, 3))
    img *= light[:, None]
    img *= _rgb(gain)
    img += _col(255 * rng.uniform(0.01, 0.04, n))[:, None] * rng.standard_normal(img.shape, dtype=_F)
    np.rint(img, out=img)
    np.clip(img, 0, 255, out=img)
    return img.astype(np.uint8).transpose(0, 2, 3, 1)


def _balanced_labels(rng, m):
    """``m`` labels 0..5, as equal in number as ``m`` allows, in random order."""
    return rng.permutation(np.arange(m) % len(CLASSES)).astype(np.int64)


def _make_split(rng, m):
    y = _balanced_labels(rng, m)
    x = np.empty((m, _N, _N, 3), dtype=np.uint8)
    for start in range(0, m, _CHUNK):
        stop = min(start + _CHUNK, m)
        img = _backgrounds(rng, stop - start)
        _draw_hands(rng, img, y[start:stop])
        x[start:stop] = _finish(rng, img)
    return x, y


def make_signs(m_train: int = 1080, m_test: int = 120, seed: int = DEFAULT_SEED) -> dict:
    """Generate the hand-sign set: a dict with ``train_set_x`` (m_train, 64, 64, 3) uint8, ``train_set_y``
    (m_train,) int64 in 0..5, ``test_set_x``, ``test_set_y`` and ``list_classes`` (``b"0"`` .. ``b"5"``).

    Each split holds every class equally often (up to one image when 6 does not divide m).
    Train and test come from one random stream, so the test set of a seed also depends on ``m_train``.
    """
    for name, m in (("m_train", m_train), ("m_test", m_test)):
        if isinstance(m, bool) or int(m) != m or m < 0:
            raise ValueError(f"{name} must be a non-negative integer; got {m!r}")
    rng = np.random.default_rng(seed)
    train_x, train_y = _make_split(rng, int(m_train))
    test_x, test_y = _make_split(rng, int(m_test))
    return {"train_set_x": train_x, "train_set_y": train_y, "test_set_x": test_x, "test_set_y": test_y,
            "list_classes": CLASSES.copy()}


# ---------------------------------------------------------------------------- the registered data set

H5_SCHEMA = image_files.labelled_images(TRAIN_NAME, TEST_NAME)

DATA_SET = register(DataSet(
    name="signs",
    version=1,  # bump when the generator changes, so that old cached files are not reused
    generate=make_signs,
    schema=H5_SCHEMA,
    default_seed=DEFAULT_SEED,
    outputs=image_files.course_tuple,
    sizes={"m_train": 1080, "m_test": 120, "H": IMAGE_SIZE, "W": IMAGE_SIZE, "C": len(CLASSES)},
))


def write_signs_h5(dataset: dict, train_path, test_path) -> None:
    """Write a dataset from ``make_signs`` as the two h5 files of the course's schema (atomically)."""
    DATA_SET.write(dataset, (train_path, test_path))


def read_signs_h5(train_path, test_path):
    """Load the two h5 files: ``(train_set_x_orig, train_set_y, test_set_x_orig, test_set_y, classes)``.

    Images uint8 (m, H, W, 3); labels int64 of shape (1, m), integers 0 .. C-1 with C the length of
    ``list_classes``. FileNotFoundError for a missing file; ValueError naming the file, the data set
    and the key for anything malformed (see ``image_files`` for the schema).
    """
    return image_files.course_tuple(DATA_SET.read((train_path, test_path)))


def signs_paths(seed: int = DEFAULT_SEED) -> tuple[Path, Path]:
    """Paths of the cached (train, test) h5 files for ``seed``, generating them if missing or unusable."""
    return DATA_SET.cached_paths(seed)


@DATA_SET.loads
def load_signs(path=None, *, train_path=None, test_path=None, seed: int = DEFAULT_SEED):
    """Load the hand-sign set: ``(train_set_x_orig, train_set_y, test_set_x_orig, test_set_y, classes)``.

    Images uint8 (m, 64, 64, 3), labels (1, m) in 0..5, ``classes`` the byte strings ``b"0"`` .. ``b"5"``.
    With no arguments the seeded set (1080 train / 120 test) is generated on first use and then read
    from the cache. ``path`` is a folder with ``train_signs.h5`` and ``test_signs.h5``;
    ``train_path`` and ``test_path`` name your own two files directly (same schema, any number of
    classes).
    """
    return DATA_SET.load(path, train_path=train_path, test_path=test_path, seed=seed)
