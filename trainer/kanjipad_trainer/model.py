"""The recognition network: a compact VGG-style CNN for 64x64 ink images.

Why this shape: most FLOPs of a CNN at 64x64 go to the first full-resolution
layers, so the stem downsamples at once (stride 2) and width grows as resolution
falls. Global average pooling keeps the classifier small (the class layer is
most of the parameters at ~3,300 classes), which keeps the int8 model well under
the 5 MB budget.
"""

from __future__ import annotations

import torch
from torch import nn

from kanjipad_trainer.config import ModelConfig

__all__ = ["KanjiNet", "ModelConfig"]


def _conv(cin: int, cout: int, stride: int = 1) -> nn.Sequential:
    return nn.Sequential(
        nn.Conv2d(cin, cout, 3, stride=stride, padding=1, bias=False),
        nn.BatchNorm2d(cout),
        nn.ReLU(inplace=True),
    )


class KanjiNet(nn.Module):
    def __init__(self, cfg: ModelConfig):
        super().__init__()
        self.cfg = cfg
        w = cfg.widths
        layers: list[nn.Module] = [_conv(1, w[0], stride=2)]  # 64 -> 32
        cin = w[0]
        for i, cout in enumerate(w):
            layers += [_conv(cin, cout), _conv(cout, cout)]
            cin = cout
            if i < len(w) - 1:
                layers.append(nn.MaxPool2d(2))  # 32 -> 16 -> 8 -> 4
        layers += [_conv(cin, cfg.embed, stride=1)]
        self.features = nn.Sequential(*layers)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.head = nn.Sequential(nn.Flatten(), nn.Dropout(cfg.dropout), nn.Linear(cfg.embed, cfg.num_classes))

    def embed(self, x: torch.Tensor) -> torch.Tensor:
        """The pooled features that feed the classifier, ``(n, embed)``, not normalised."""
        return torch.flatten(self.pool(self.features(x)), 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        logits: torch.Tensor = self.head(self.embed(x))
        return logits
