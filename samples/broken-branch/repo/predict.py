"""Predict: python predict.py."""


def main():
    print("id,target")


if __name__ == "__main__":
    main()
