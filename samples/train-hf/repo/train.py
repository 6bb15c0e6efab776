"""Fine-tune a tiny BERT classifier with the Hugging Face Trainer on the CPU (synthetic tokens, no download)."""
import argparse

import torch
from torch.utils.data import Dataset
from transformers import BertConfig, BertForSequenceClassification, Trainer, TrainingArguments


class Tokens(Dataset):
    """Random token sequences whose label is whether the first token is in the upper half of the vocabulary."""

    def __init__(self, count, length, vocab, seed):
        generator = torch.Generator().manual_seed(seed)
        self.ids = torch.randint(0, vocab, (count, length), generator=generator)
        self.labels = (self.ids[:, 0] >= vocab // 2).long()

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, i):
        return {"input_ids": self.ids[i], "labels": self.labels[i]}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=3, help="passes over the training set")
    parser.add_argument("--samples", type=int, default=512, help="synthetic training sequences")
    parser.add_argument("--batch-size", type=int, default=16, help="sequences per training step")
    parser.add_argument("--seed", type=int, default=0, help="seed for the data and the weights")
    parser.add_argument("--output-dir", default="checkpoints", help="where the Trainer writes its state")
    args = parser.parse_args()

    torch.manual_seed(args.seed)
    config = BertConfig(vocab_size=128, hidden_size=64, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=128, max_position_embeddings=64)
    model = BertForSequenceClassification(config)
    training = TrainingArguments(output_dir=args.output_dir, num_train_epochs=args.epochs,
                                 per_device_train_batch_size=args.batch_size, logging_steps=10, save_strategy="no",
                                 report_to=[], use_cpu=True, seed=args.seed)
    Trainer(model=model, args=training, train_dataset=Tokens(args.samples, 32, 128, args.seed)).train()


if __name__ == "__main__":
    main()
