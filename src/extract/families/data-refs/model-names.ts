// Library loaders that take a model's name and fetch its weights at run time (CLIP's `clip.load('ViT-L/14')`,
// open_clip's `create_model_and_transforms('ViT-H-14', pretrained='laion2b_s32b_b79k')`): the name is no file of
// the repo, like a `from_pretrained` hub id; so is a metric's name (`evaluate.load("wer")`). A local checkpoint given to the same loader is still a file. Pure.

/** CLIP's loader (`clip.load`, `clip.clip.load`), open_clip's model builders, and the metric loaders of Hugging
 * Face's `evaluate` (`evaluate.load("wer")`) and `datasets` (`load_metric("bleu")`), whose names are hub ids. */
const NAME_LOADER =
  /(?:^|\.)clip\.load$|^open_clip\.(?:create_model|create_model_and_transforms|create_model_from_pretrained)$|^evaluate\.load$|(?:^|\.)load_metric$/;
/** A path rather than a name: relative or absolute, a home or drive path, or a checkpoint's extension. */
const FILE_LIKE = /^(?:\.{1,2}\/|\/|~|[A-Za-z]:)|\.(?:pt|pth|ckpt|bin|safetensors|npz|onnx)$/i;

/** Is the call a model-name loader given a model's name (`path`: its first argument as read)? */
export function loadsModelByName(callee: string, path: string): boolean {
  return NAME_LOADER.test(callee) && !FILE_LIKE.test(path);
}
