# The public reading experience: news fields on the plan and papers, coverage pages,
# published originals, the stamp of what readers see under a plan.

import django.db.models.deletion
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('symposium_pages', '0005_printed_documents_budget'),
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
        ('wagtailimages', '0027_image_description'),
    ]

    operations = [
        # The paper's summary is its lead as a news page: same text, new name.
        migrations.RenameField(
            model_name='paperpage',
            old_name='summary',
            new_name='lead',
        ),
        migrations.AlterField(
            model_name='paperpage',
            name='lead',
            field=models.TextField(blank=True, verbose_name='lead'),
        ),
        migrations.AddField(
            model_name='paperpage',
            name='byline',
            field=models.CharField(blank=True, max_length=255, verbose_name='byline'),
        ),
        migrations.AddField(
            model_name='paperpage',
            name='date',
            field=models.DateTimeField(blank=True, help_text='Shown with the page and used to order the news. Left empty, the date the page is first published.', null=True, verbose_name='publication date'),
        ),
        migrations.AddField(
            model_name='paperpage',
            name='main_image',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='main photo'),
        ),
        migrations.AddField(
            model_name='paperpage',
            name='main_image_caption',
            field=models.CharField(blank=True, max_length=500, verbose_name='photo caption'),
        ),
        migrations.AddField(
            model_name='paperpage',
            name='main_image_credit',
            field=models.CharField(blank=True, max_length=255, verbose_name='photo credit'),
        ),
        migrations.AddField(
            model_name='paperpage',
            name='publish_original',
            field=models.BooleanField(default=False, help_text='Readers of the published paper may download the .docx as received. Left unticked, the original stays private.', verbose_name='publish the original file'),
        ),
        migrations.AddField(
            model_name='symposiumpage',
            name='byline',
            field=models.CharField(blank=True, max_length=255, verbose_name='byline'),
        ),
        migrations.AddField(
            model_name='symposiumpage',
            name='date',
            field=models.DateTimeField(blank=True, help_text='Shown with the page and used to order the news. Left empty, the date the page is first published.', null=True, verbose_name='publication date'),
        ),
        migrations.AddField(
            model_name='symposiumpage',
            name='main_image',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='main photo'),
        ),
        migrations.AddField(
            model_name='symposiumpage',
            name='main_image_caption',
            field=models.CharField(blank=True, max_length=500, verbose_name='photo caption'),
        ),
        migrations.AddField(
            model_name='symposiumpage',
            name='main_image_credit',
            field=models.CharField(blank=True, max_length=255, verbose_name='photo credit'),
        ),
        migrations.AddField(
            model_name='symposiumpage',
            name='public_changed_at',
            field=models.DateTimeField(blank=True, editable=False, help_text='When a page under the plan was last published or withdrawn.', null=True, verbose_name='published content changed at'),
        ),
        migrations.CreateModel(
            name='CoveragePage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=getattr(settings, 'WAGTAIL_PAGE_MODEL', 'wagtailcore.page'))),
                ('date', models.DateTimeField(blank=True, help_text='Shown with the page and used to order the news. Left empty, the date the page is first published.', null=True, verbose_name='publication date')),
                ('byline', models.CharField(blank=True, max_length=255, verbose_name='byline')),
                ('lead', models.TextField(blank=True, verbose_name='lead')),
                ('main_image_caption', models.CharField(blank=True, max_length=500, verbose_name='photo caption')),
                ('main_image_credit', models.CharField(blank=True, max_length=255, verbose_name='photo credit')),
                ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 7), ('quote', 10)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'text'}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('2', 'Heading'), ('3', 'Subheading'), ('4', 'Minor heading')], 'label': 'level'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul'], 'label': 'Paragraph'}), 4: ('wagtail.images.blocks.ImageChooserBlock', (), {'label': 'image'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'alternative text', 'required': False}), 6: ('wagtail.blocks.CharBlock', (), {'label': 'caption', 'required': False}), 7: ('wagtail.blocks.StructBlock', [[('image', 4), ('alt', 5), ('caption', 6)]], {}), 8: ('wagtail.blocks.TextBlock', (), {'label': 'quotation'}), 9: ('wagtail.blocks.CharBlock', (), {'label': 'attribution', 'required': False}), 10: ('wagtail.blocks.StructBlock', [[('text', 8), ('attribution', 9)]], {})}, verbose_name='body')),
                ('source_name', models.CharField(blank=True, max_length=255, verbose_name='source')),
                ('source_url', models.URLField(blank=True, verbose_name='source link')),
                ('main_image', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='main photo')),
            ],
            options={
                'verbose_name': 'coverage article',
                'verbose_name_plural': 'coverage articles',
            },
            bases=('wagtailcore.page', models.Model),
        ),
    ]
